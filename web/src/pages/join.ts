/**
 * @module
 * The join page (`/supporter/join#invite=…`): an invited supporter fills in
 * their directory entry and chooses a passphrase; the browser makes their key
 * pair, locks the secret half in a vault under the passphrase (Argon2id), and
 * registers. The relay never sees the passphrase or the secret key.
 *
 * The invite token arrives in the address fragment (never sent to a server)
 * and is removed from the address bar at once, so it does not linger in the
 * history or get shared with a screenshot; it is kept in memory only.
 */
import { api, RelayError } from '../api';
import { type MessageKey, t } from '../i18n';
import {
  checkArgon2,
  createVault,
  fingerprint,
  newSupporterKeys,
  ProtocolError,
  toB64,
  type VaultRecord,
} from '../protocol';
import { el, localize, relocalize, setFieldError, unlocalize } from '../supporter/dom';
import { isLoadFailure } from '../supporter/errors';
import {
  assessPassphrase,
  type PassphraseAssessment,
  suggestPassphrase,
} from '../supporter/passphrase';
import { createTagList, splitList } from '../supporter/tag-list';
import { announce, initPage, required } from '../ui/static-page';

/** Reads `#invite=…` and removes the fragment from the address bar. */
function takeInviteFromAddress(): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const invite = fragment.get('invite')?.trim() ?? '';
  if (location.hash !== '') {
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return invite === '' ? null : invite;
}

// Before initPage: it rewrites the address (?lang=) and would keep the fragment.
const invite = takeInviteFromAddress();
initPage();

const form = required<HTMLFormElement>('#join-form');
const loginInput = required<HTMLInputElement>('#join-login');
const emailInput = required<HTMLInputElement>('#join-email');
const nameInput = required<HTMLInputElement>('#join-name');
const countyInput = required<HTMLInputElement>('#join-county');
const townInput = required<HTMLInputElement>('#join-town');
const specialtyInput = required<HTMLInputElement>('#join-specialty');
const languagesGroup = required<HTMLFieldSetElement>('#join-languages');
const otherLanguagesInput = required<HTMLInputElement>('#join-other-languages');
const modalitiesGroup = required<HTMLFieldSetElement>('#join-modalities');
const aboutInput = required<HTMLTextAreaElement>('#join-about');
const passphraseInput = required<HTMLInputElement>('#join-passphrase');
const confirmInput = required<HTMLInputElement>('#join-confirm');
const showPassphrase = required<HTMLInputElement>('#join-show-passphrase');
const strengthBar = required('#join-strength-bar');
const strengthText = required('#join-strength-text');
const strengthProblems = required<HTMLUListElement>('#join-strength-problems');
const suggestion = required('#join-suggestion');
const suggestedText = required('#join-suggested-text');
const errorBox = required('#join-error');
const progress = required('#join-progress');
const progressText = required('#join-progress-text');
const submitButton = required<HTMLButtonElement>('#join-submit');
const joined = required('#joined');

const specialties = createTagList({
  input: specialtyInput,
  addButton: required<HTMLButtonElement>('#join-specialty-add'),
  list: required<HTMLUListElement>('#join-specialties'),
  max: 12,
  maxLength: 80,
  removeKey: 'join.specialties.remove',
  onChange: () => setFieldError(specialtyInput, null),
});

if (invite === null) {
  required('#join-no-invite').hidden = false;
  submitButton.disabled = true;
}

// ---- Passphrase strength ------------------------------------------------

function personalWords(): string[] {
  return [loginInput.value, nameInput.value, emailInput.value, townInput.value];
}

const PROBLEM_KEYS: Record<PassphraseAssessment['problems'][number], MessageKey> = {
  empty: 'join.strength.problem.empty',
  short: 'join.strength.problem.short',
  common: 'join.strength.problem.common',
  personal: 'join.strength.problem.personal',
  repeated: 'join.strength.problem.repeated',
  sequence: 'join.strength.problem.sequence',
};

const LEVEL_KEYS: MessageKey[] = [
  'join.strength.level0',
  'join.strength.level1',
  'join.strength.level2',
  'join.strength.level3',
  'join.strength.level4',
];

function renderStrength(): PassphraseAssessment {
  const assessment = assessPassphrase(passphraseInput.value, personalWords());
  strengthBar.dataset.level = String(assessment.level);
  // From now on this page, not the static data-i18n, owns the text.
  delete strengthText.dataset.i18n;
  if (passphraseInput.value === '') {
    localize(strengthText, 'join.strength.empty');
    strengthProblems.replaceChildren();
    return assessment;
  }
  unlocalize(strengthText);
  strengthText.replaceChildren(
    el('strong', { key: LEVEL_KEYS[assessment.level] ?? 'join.strength.level0' }),
    ' ',
    el('span', {
      key: assessment.acceptable ? 'join.strength.good' : 'join.strength.weak',
      params: { bits: assessment.bits },
    }),
  );
  strengthProblems.replaceChildren(
    ...assessment.problems.map((problem) => el('li', { key: PROBLEM_KEYS[problem] })),
  );
  return assessment;
}

passphraseInput.addEventListener('input', () => {
  renderStrength();
  setFieldError(passphraseInput, null);
});
confirmInput.addEventListener('input', () => setFieldError(confirmInput, null));
for (const input of [loginInput, nameInput, emailInput, townInput]) {
  input.addEventListener('change', () => {
    if (passphraseInput.value !== '') renderStrength();
  });
}

showPassphrase.addEventListener('change', () => {
  const type = showPassphrase.checked ? 'text' : 'password';
  passphraseInput.type = type;
  confirmInput.type = type;
});

required<HTMLButtonElement>('#join-suggest').addEventListener('click', () => {
  const suggested = suggestPassphrase();
  suggestedText.textContent = suggested;
  suggestion.hidden = false;
  passphraseInput.value = suggested;
  confirmInput.value = '';
  // Shown in clear: it has to be written down, and typed again to confirm.
  showPassphrase.checked = true;
  passphraseInput.type = 'text';
  confirmInput.type = 'text';
  renderStrength();
  setFieldError(passphraseInput, null);
  announce(t('join.suggestion.announce'));
  confirmInput.focus();
});

// ---- Validation ---------------------------------------------------------

const LOGIN_PATTERN = /^[\p{L}\p{N}._@+-]{3,64}$/u;

function checkedValues(group: HTMLElement): string[] {
  return [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map(
    (box) => box.value,
  );
}

interface JoinDetails {
  login: string;
  email?: string;
  profile: {
    name: string;
    county: string;
    town: string;
    specialties: string[];
    languages: string[];
    modalities: string[];
    about?: string;
  };
  passphrase: string;
}

/** The form's values, or null after marking every problem (focus on the first). */
function readForm(): JoinDetails | null {
  const problems: [HTMLElement, MessageKey][] = [];
  const login = loginInput.value.trim();
  if (!LOGIN_PATTERN.test(login)) problems.push([loginInput, 'join.error.login']);
  const email = emailInput.value.trim();
  if (email !== '' && !emailInput.validity.valid) problems.push([emailInput, 'join.error.email']);
  const name = nameInput.value.trim();
  if (name === '') problems.push([nameInput, 'join.error.name']);
  const county = countyInput.value.trim();
  if (county === '') problems.push([countyInput, 'join.error.county']);
  const town = townInput.value.trim();
  if (town === '') problems.push([townInput, 'join.error.town']);
  const specialtyList = specialties.values();
  if (specialtyList.length > 12) problems.push([specialtyInput, 'join.error.specialties']);
  const languages = [
    ...checkedValues(languagesGroup),
    ...splitList(otherLanguagesInput.value).map((language) => language.slice(0, 80)),
  ];
  if (languages.length === 0 || languages.length > 12) {
    problems.push([languagesGroup, 'join.error.languages']);
  }
  const modalities = checkedValues(modalitiesGroup);
  if (modalities.length === 0) problems.push([modalitiesGroup, 'join.error.modalities']);
  const passphrase = passphraseInput.value;
  const assessment = renderStrength();
  if (!assessment.acceptable) problems.push([passphraseInput, 'join.error.weak']);
  else if (confirmInput.value !== passphrase) problems.push([confirmInput, 'join.error.confirm']);

  for (const control of [
    loginInput,
    emailInput,
    nameInput,
    countyInput,
    townInput,
    specialtyInput,
    languagesGroup,
    modalitiesGroup,
    passphraseInput,
    confirmInput,
  ]) {
    setFieldError(control, null);
  }
  for (const [control, key] of problems) setFieldError(control, key);
  const first = problems[0]?.[0];
  if (first) {
    (first instanceof HTMLFieldSetElement
      ? (first.querySelector<HTMLInputElement>('input') ?? first)
      : first
    ).focus();
    return null;
  }
  const about = aboutInput.value.trim();
  return {
    login,
    ...(email === '' ? {} : { email }),
    profile: {
      name,
      county,
      town,
      specialties: specialtyList,
      languages,
      modalities,
      ...(about === '' ? {} : { about }),
    },
    passphrase,
  };
}

// ---- Registration -------------------------------------------------------

/**
 * Keys and vault made for a passphrase, kept while the page is open so that
 * a retry (another login after "login taken") does not repeat Argon2id. The
 * secret key itself is not kept: it is inside the vault.
 */
interface Prepared {
  passphrase: string;
  publicKey: Uint8Array;
  vault: VaultRecord;
  authKey: string;
}
let prepared: Prepared | undefined;

function setBusy(stepKey: MessageKey | null): void {
  submitButton.disabled = stepKey !== null || invite === null;
  progress.hidden = stepKey === null;
  if (stepKey) localize(progressText, stepKey);
}

function showError(key: MessageKey | null): void {
  if (key === null) {
    errorBox.hidden = true;
    unlocalize(errorBox);
    return;
  }
  localize(errorBox, key);
  errorBox.hidden = false;
}

function errorKeyFor(error: unknown): MessageKey {
  if (error instanceof ProtocolError && error.code === 'argon2_self_test_failed') {
    return 'join.error.argon2';
  }
  if (error instanceof RelayError) {
    switch (error.code) {
      case 'invite_used':
        return 'join.error.inviteUsed';
      case 'invite_expired':
        return 'join.error.inviteExpired';
      case 'invite_not_found':
      case 'bad_encoding':
        return 'join.error.inviteUnknown';
      case 'login_taken':
        return 'join.error.loginTaken';
      case 'invalid_request':
        return 'join.error.invalid';
      case 'network':
        return 'error.network';
    }
    if (error.status === 429) return 'join.error.busy';
  }
  if (isLoadFailure(error)) return 'error.network';
  return 'join.error.generic';
}

async function prepare(passphrase: string): Promise<Prepared> {
  if (prepared?.passphrase === passphrase) return prepared;
  setBusy('join.progress.keys');
  const keys = await newSupporterKeys();
  setBusy('join.progress.vault');
  try {
    const created = await createVault(passphrase, keys.secretKey);
    created.vaultKey.fill(0);
    prepared = {
      passphrase,
      publicKey: keys.publicKey,
      vault: created.vault,
      authKey: created.authKey,
    };
    return prepared;
  } finally {
    keys.secretKey.fill(0);
  }
}

async function join(details: JoinDetails): Promise<void> {
  if (invite === null) return;
  showError(null);
  try {
    // §9: a browser that computes Argon2id wrongly would lock the supporter out.
    setBusy('join.progress.check');
    await checkArgon2();
    const ready = await prepare(details.passphrase);
    setBusy('join.progress.register');
    await api<{ id: string }>('POST', '/api/v1/supporters', {
      body: {
        invite,
        login: details.login,
        ...(details.email === undefined ? {} : { email: details.email }),
        profile: details.profile,
        boxPublicKey: toB64(ready.publicKey),
        vault: ready.vault,
        authKey: ready.authKey,
      },
    });
    await showJoined(ready.publicKey);
  } catch (error) {
    const key = errorKeyFor(error);
    setBusy(null);
    showError(key);
    if (key === 'join.error.loginTaken') {
      setFieldError(loginInput, 'join.error.loginTakenField');
      loginInput.focus();
    } else {
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    }
  }
}

async function showJoined(publicKey: Uint8Array): Promise<void> {
  required('#joined-fingerprint').textContent = await fingerprint(publicKey);
  // Nothing secret stays in the page: the passphrase fields are emptied.
  passphraseInput.value = '';
  confirmInput.value = '';
  suggestedText.textContent = '';
  prepared = undefined;
  form.hidden = true;
  required('#main .lead').hidden = true;
  setBusy(null);
  joined.hidden = false;
  joined.focus();
  announce(required('#joined-heading').textContent ?? '');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  specialties.commit();
  const details = readForm();
  if (details) void join(details);
});

document.addEventListener('languagechange', () => {
  relocalize();
  if (passphraseInput.value !== '') renderStrength();
});
