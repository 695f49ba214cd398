/**
 * @module
 * The compose page (`/write?to=<supporter id>`). The doctor's message is
 * sealed on this device to the supporter's key before anything is sent; the
 * reply code is drawn here, shown once, and never leaves the page. Only the
 * supporter id is in the address; codes and threads never are.
 *
 * Order of work when the doctor presses Send: reply code → mailbox → sealed
 * message (any failure stops here, and nothing has been sent), then proof of
 * work in the Web Worker, then the submission. A failed submission keeps its
 * reply code and exact body, so trying again can never leave a message
 * stored under a code the doctor was not shown.
 */
import { api, RelayError, type Supporter } from '../api';
import { describeSendFailure, type SendFailure } from '../doctor/errors';
import { awaySentence, capitalise, formatDate, localHref, modalityName } from '../doctor/format';
import { setFieldError, textProblem, updateCounter } from '../doctor/message-text';
import { profileParts } from '../doctor/profile';
import { PendingSubmission, progressShare, type SubmissionReceipt } from '../doctor/send';
import { t } from '../i18n';
import {
  type ContactPrefs,
  deriveMailbox,
  fingerprint,
  formatReplyCode,
  fromB64,
  type Modality,
  newReplyCode,
  ProtocolError,
  sealFirstContact,
  toB64,
} from '../protocol';
import { focusElement, h, replaceChildren } from '../ui/dom';
import { announce, initPage, required } from '../ui/static-page';

initPage();

const title = required('#write-title');
const loading = required('#write-loading');
const missing = required('#write-missing');
const missingText = required('#write-missing-text');
const compose = required('#write-compose');
const recipient = required('#write-recipient');
const awayNotice = required('#write-away');
const awayNoticeText = required('#write-away-text');
const form = required<HTMLFormElement>('#write-form');
const textInput = required<HTMLTextAreaElement>('#write-text');
const textCount = required('#write-text-count');
const textError = required('#write-text-error');
const modalityOptions = required('#write-modality-options');
const modalityFieldset = required<HTMLFieldSetElement>('#write-modalities');
const whenInput = required<HTMLInputElement>('#write-when');
const contactInput = required<HTMLInputElement>('#write-contact');
const seesSupporterTitle = required('#write-sees-supporter-title');
const seesSupporter = required('#write-sees-supporter');
const confirmAway = required('#write-confirm-away');
const confirmTitle = required('#write-confirm-title');
const confirmText = required('#write-confirm-text');
const confirmSend = required<HTMLButtonElement>('#write-confirm-send');
const errorBox = required('#write-error');
const errorText = required('#write-error-text');
const errorOther = required('#write-error-other');
const progress = required('#write-progress');
const progressBar = required<HTMLProgressElement>('#write-progress-bar');
const sendButton = required<HTMLButtonElement>('#write-send');
const sent = required('#write-sent');
const sentTitle = required('#write-sent-title');
const sentText = required('#write-sent-text');
const codeLine = required('#write-code');
const copyButton = required<HTMLButtonElement>('#write-copy');
const downloadLink = required<HTMLAnchorElement>('#write-download');
const copyStatus = required('#write-copy-status');
const savedBox = required<HTMLInputElement>('#write-saved');
const savedError = required('#write-saved-error');
const doneButton = required<HTMLButtonElement>('#write-done');

type Phase = 'loading' | 'missing' | 'compose' | 'sent';
type MissingReason = 'noId' | 'notFound' | 'network' | 'badKey';

/** A first message being sent: its reply code and mailbox stay the same across retries. */
interface Attempt {
  replyCode: Uint8Array;
  mailbox: Awaited<ReturnType<typeof deriveMailbox>>;
  /** The draft the current submission was sealed from, to notice edits. */
  draft: string;
  pending: PendingSubmission | null;
}

const state = {
  phase: 'loading' as Phase,
  missingReason: 'notFound' as MissingReason,
  supporter: null as Supporter | null,
  /** Computed here from the key, not taken from the relay's convenience copy. */
  fingerprint: '',
  chosenModalities: new Set<Modality>(),
  /** The doctor has seen the away warning and chosen to try anyway. */
  awayConfirmed: false,
  confirmingAway: false,
  sending: false,
  failure: null as (() => SendFailure) | null,
  attempt: null as Attempt | null,
  receipt: null as SubmissionReceipt | null,
  code: '',
  copy: 'none' as 'none' | 'copied' | 'selected',
  downloadUrl: '',
  downloadText: '',
};

function supporterName(): string {
  return state.supporter?.name ?? '';
}

// --- rendering -------------------------------------------------------------

function renderRecipient(supporter: Supporter): void {
  replaceChildren(
    recipient,
    ...profileParts(supporter, state.fingerprint),
    h('p', { class: 'hint', text: t('write.fingerprint.note', { name: supporter.name }) }),
  );
}

// The checkboxes are built once and only relabelled, so a re-render never
// takes the focus away from one of them.
const modalityLabels = new Map<Modality, HTMLElement>();

function renderModalities(supporter: Supporter): void {
  if (modalityLabels.size === 0) {
    for (const modality of supporter.modalities) {
      const box = h('input', { attrs: { type: 'checkbox', value: modality } });
      box.addEventListener('change', () => {
        if (box.checked) state.chosenModalities.add(modality);
        else state.chosenModalities.delete(modality);
      });
      const label = h('span');
      modalityLabels.set(modality, label);
      modalityOptions.append(h('label', { class: 'check' }, box, label));
    }
  }
  for (const [modality, label] of modalityLabels) {
    label.textContent = capitalise(modalityName(modality));
  }
}

function renderFailure(): void {
  const failure = state.failure?.() ?? null;
  errorBox.hidden = failure === null;
  errorText.textContent = failure?.message ?? '';
  errorOther.hidden = !failure?.suggestAnother;
}

function renderSent(): void {
  const receipt = state.receipt;
  if (!receipt) return;
  sentText.textContent = t('write.sent.text', {
    name: supporterName(),
    date: formatDate(receipt.expiresAt),
  });
  codeLine.textContent = state.code;
  copyStatus.textContent =
    state.copy === 'copied'
      ? t('write.code.copied')
      : state.copy === 'selected'
        ? t('write.code.selected')
        : '';
  // The file is made here, in memory; it never passes through the network.
  const file = t('write.code.file', { code: state.code, url: `${location.origin}/mailbox` });
  if (file !== state.downloadText) {
    if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
    state.downloadUrl = URL.createObjectURL(new Blob([file], { type: 'text/plain;charset=utf-8' }));
    state.downloadText = file;
  }
  downloadLink.href = state.downloadUrl;
}

function render(): void {
  loading.hidden = state.phase !== 'loading';
  missing.hidden = state.phase !== 'missing';
  compose.hidden = state.phase !== 'compose';
  sent.hidden = state.phase !== 'sent';
  const supporter = state.supporter;

  if (state.phase === 'missing') {
    missingText.textContent = t(`write.missing.${state.missingReason}`);
  }
  if (supporter) {
    title.removeAttribute('data-i18n');
    title.textContent = t('write.title', { name: supporter.name });
    renderRecipient(supporter);
    renderModalities(supporter);
    modalityFieldset.hidden = supporter.modalities.length === 0;
    awayNotice.hidden = supporter.status !== 'away';
    awayNoticeText.textContent = t('write.away.notice', { away: awaySentence(supporter) });
    seesSupporterTitle.textContent = t('write.sees.supporter.title', { name: supporter.name });
    seesSupporter.textContent = t('write.sees.supporter');
    confirmText.textContent = t('write.confirm.text', { away: awaySentence(supporter) });
  }
  confirmAway.hidden = !state.confirmingAway;
  updateCounter(textInput, textCount);
  if (!textError.hidden) setFieldError(textInput, textError, textProblem(textInput.value));
  renderFailure();
  progress.hidden = !state.sending;
  sendButton.disabled = state.sending;
  confirmSend.disabled = state.sending;
  renderSent();
}

// --- loading the supporter ---------------------------------------------------

async function load(): Promise<void> {
  const id = new URLSearchParams(location.search).get('to');
  if (!id) {
    state.phase = 'missing';
    state.missingReason = 'noId';
    return;
  }
  try {
    const supporter = await api<Supporter>('GET', `/api/v1/supporters/${encodeURIComponent(id)}`);
    // Fail closed: a key we cannot read, or whose fingerprint differs from the
    // one the directory shows, is not one to encrypt a confidential message to.
    const computed = await fingerprint(fromB64(supporter.boxPublicKey)).catch(() => null);
    if (computed === null || computed !== supporter.fingerprint) {
      state.phase = 'missing';
      state.missingReason = 'badKey';
      return;
    }
    state.supporter = supporter;
    state.fingerprint = computed;
    state.phase = 'compose';
  } catch (error) {
    state.phase = 'missing';
    state.missingReason =
      error instanceof RelayError ? (error.code === 'network' ? 'network' : 'notFound') : 'badKey';
  }
}

// --- sending -----------------------------------------------------------------

interface Draft {
  text: string;
  prefs?: ContactPrefs;
}

function readDraft(supporter: Supporter): Draft {
  const modalities = supporter.modalities.filter((m) => state.chosenModalities.has(m));
  const when = whenInput.value.trim();
  const contact = contactInput.value.trim();
  const prefs: ContactPrefs = {
    ...(modalities.length > 0 ? { modalities } : {}),
    ...(when ? { when } : {}),
    ...(contact ? { contact } : {}),
  };
  return { text: textInput.value, ...(Object.keys(prefs).length > 0 ? { prefs } : {}) };
}

/**
 * Seals the draft, reusing the attempt's reply code. Everything here happens
 * on this device; if any of it fails, nothing is sent.
 */
async function prepare(supporter: Supporter, draft: Draft): Promise<PendingSubmission> {
  if (!state.attempt) {
    const replyCode = await newReplyCode();
    const mailbox = await deriveMailbox(replyCode);
    state.attempt = { replyCode, mailbox, draft: '', pending: null };
  }
  const attempt = state.attempt;
  const key = JSON.stringify(draft);
  if (attempt.pending && attempt.draft === key) return attempt.pending;
  const sealed = await sealFirstContact(
    { text: draft.text, ...(draft.prefs ? { prefs: draft.prefs } : {}), mailbox: attempt.mailbox },
    fromB64(supporter.boxPublicKey),
  );
  attempt.pending = new PendingSubmission({
    supporterId: supporter.id,
    ciphertext: toB64(sealed.ciphertext),
    mailbox: { id: attempt.mailbox.mailboxId, readToken: attempt.mailbox.readToken },
  });
  attempt.draft = key;
  return attempt.pending;
}

async function send(): Promise<void> {
  const supporter = state.supporter;
  if (!supporter || state.sending) return;
  const problem = textProblem(textInput.value);
  setFieldError(textInput, textError, problem);
  if (problem) {
    textInput.focus();
    return;
  }
  if (supporter.status === 'away' && !state.awayConfirmed) {
    state.confirmingAway = true;
    render();
    focusElement(confirmTitle);
    return;
  }
  state.confirmingAway = false;
  state.failure = null;
  state.sending = true;
  progressBar.value = 0;
  render();
  announce(t('write.progress'));
  const name = supporter.name;
  let pending: PendingSubmission;
  try {
    pending = await prepare(supporter, readDraft(supporter));
  } catch (error) {
    const tooLong = error instanceof ProtocolError && error.code === 'message_too_long';
    state.failure = () =>
      tooLong
        ? describeSendFailure(error, name)
        : { message: t('doctor.error.crypto'), suggestAnother: false };
    finishSending();
    return;
  }
  try {
    const receipt = await pending.send((p) => {
      progressBar.value = Math.round(progressShare(p) * 100);
    });
    progressBar.value = 100;
    showReplyCode(receipt);
  } catch (error) {
    state.failure = () => describeSendFailure(error, name);
    finishSending();
  }
}

function finishSending(): void {
  state.sending = false;
  render();
  const failure = state.failure?.();
  if (failure) {
    announce(failure.message);
    focusElement(errorText);
  }
}

function showReplyCode(receipt: SubmissionReceipt): void {
  const attempt = state.attempt;
  if (!attempt) return;
  state.receipt = receipt;
  state.code = formatReplyCode(attempt.replyCode);
  // The page keeps only the formatted code, for the copy and download actions.
  attempt.replyCode.fill(0);
  state.attempt = null;
  state.sending = false;
  state.phase = 'sent';
  textInput.value = '';
  whenInput.value = '';
  contactInput.value = '';
  window.addEventListener('beforeunload', holdPage);
  render();
  focusElement(sentTitle);
  announce(t('write.sent.announce'));
}

// While the code has not been confirmed as saved, leaving the page asks first.
function holdPage(event: BeforeUnloadEvent): void {
  event.preventDefault();
  event.returnValue = '';
}

function selectCode(): void {
  const range = document.createRange();
  range.selectNodeContents(codeLine);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

// --- events ------------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void send();
});
confirmSend.addEventListener('click', () => {
  state.awayConfirmed = true;
  void send();
});
textInput.addEventListener('input', () => {
  updateCounter(textInput, textCount);
  if (!textError.hidden) setFieldError(textInput, textError, textProblem(textInput.value));
});
copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(state.code);
    state.copy = 'copied';
  } catch {
    // No clipboard access (an older browser, or permission refused): select
    // the code so one keystroke copies it.
    selectCode();
    state.copy = 'selected';
  }
  render();
});
savedBox.addEventListener('change', () => {
  if (savedBox.checked) {
    savedError.hidden = true;
    savedBox.removeAttribute('aria-invalid');
  }
});
doneButton.addEventListener('click', () => {
  if (!savedBox.checked) {
    savedError.hidden = false;
    savedBox.setAttribute('aria-invalid', 'true');
    savedBox.focus();
    return;
  }
  window.removeEventListener('beforeunload', holdPage);
  if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
  state.code = '';
  state.downloadText = '';
  location.assign(localHref('/mailbox'));
});
document.addEventListener('languagechange', render);

render();
void load().then(() => {
  render();
  if (state.phase === 'compose') announce(title.textContent ?? '');
});
