/**
 * @module
 * The supporter inbox (`/supporter`).
 *
 * Logging in derives the login key and the vault key from the passphrase
 * (Argon2id, after the §9 self-test), opens the vault the relay returns and
 * keeps the secret key in memory only: a reload means logging in again.
 * Messages are opened here, stored encrypted in this browser
 * ({@link ../supporter/local-store}) and acknowledged only once that write
 * has succeeded, because the relay deletes a message at acknowledgement.
 * Replies are encrypted to the doctor's reply key and kept locally too.
 * Logging out ends the session, zeroes the keys and empties the page.
 * The page also shows the supporter's first contacts per month (counts
 * only, for compensation) and exports them as the relay's CSV.
 */
import { api, RelayError, type Supporter } from '../api';
import { boxPublicKeyOf } from '../crypto/libsodium';
import { type MessageKey, t } from '../i18n';
import {
  checkArgon2,
  deriveVaultKeys,
  fromB64,
  MAX_TEXT_CHARS,
  openDoctorMessage,
  ProtocolError,
  sealReplyTo,
  toB64,
  unlockVault,
  type VaultRecord,
} from '../protocol';
import {
  attachmentName,
  downloadBlob,
  type MonthlyCount,
  renderCounts,
} from '../supporter/compensation-view';
import {
  type Conversation,
  DEFAULT_RETENTION_DAYS,
  type Entry,
  entryFromRecord,
  entryKey,
  entryRecord,
  entryThread,
  expiredThreads,
  groupConversations,
  isRetentionDays,
  latestPrefs,
  latestReceived,
  type ReceivedEntry,
  SETTINGS_KEY,
  type SentEntry,
  settingsFromRecord,
} from '../supporter/conversations';
import { el, formatDateTime, localize, relocalize, unlocalize } from '../supporter/dom';
import { isLoadFailure } from '../supporter/errors';
import { conversationId, type Draft, renderConversations } from '../supporter/inbox-view';
import { type LocalStore, openLocalStore } from '../supporter/local-store';
import { hasPlaceholder, replyTemplate } from '../supporter/reply-template';
import { announce, initPage, required } from '../ui/static-page';

initPage();

const loginSection = required('#login-section');
const loginForm = required<HTMLFormElement>('#login-form');
const loginInput = required<HTMLInputElement>('#login-name');
const passphraseInput = required<HTMLInputElement>('#login-passphrase');
const loginError = required('#login-error');
const loginEnded = required('#login-ended');
const loginProgress = required('#login-progress');
const loginProgressText = required('#login-progress-text');
const loginSubmit = required<HTMLButtonElement>('#login-submit');
const inboxSection = required('#inbox-section');
const meName = required('#me-name');
const meFingerprint = required('#me-fingerprint');
const inboxWarning = required('#inbox-warning');
const inboxStatus = required('#inbox-status');
const refreshButton = required<HTMLButtonElement>('#refresh');
const conversationsBox = required('#conversations');
const availabilityForm = required<HTMLFormElement>('#availability-form');
const availabilityCurrent = required('#availability-current');
const statusAvailable = required<HTMLInputElement>('#status-available');
const statusAway = required<HTMLInputElement>('#status-away');
const awayUntilField = required('#away-until-field');
const awayUntilInput = required<HTMLInputElement>('#away-until');
const availabilityError = required('#availability-error');
const availabilityStatus = required('#availability-status');
const retentionForm = required<HTMLFormElement>('#retention-form');
const retentionInput = required<HTMLInputElement>('#retention-days');
const retentionStatus = required('#retention-status');
const deleteAllButton = required<HTMLButtonElement>('#delete-all');
const deleteAllConfirm = required('#delete-all-confirm');
const countsBox = required('#counts');
const countsExport = required<HTMLButtonElement>('#counts-export');
const countsStatus = required('#counts-status');

interface SessionResponse {
  token: string;
  expiresAt: string;
  supporter: Supporter;
  vault: VaultRecord;
}

/** Everything that exists only while logged in; all of it is dropped at logout. */
interface Session {
  token: string;
  supporter: Supporter;
  boxPublicKey: Uint8Array;
  boxSecretKey: Uint8Array;
  store: LocalStore | null;
}

let session: Session | null = null;
const entries = new Map<string, Entry>();
let conversations: Conversation[] = [];
const fresh = new Set<string>();
const unsaved = new Set<string>();
const drafts = new Map<string, Draft>();
let confirmingDelete: string | null = null;
let retentionDays = DEFAULT_RETENTION_DAYS;
const warnings = new Map<MessageKey, Record<string, string | number>>();
/** The last counts fetched, kept to redraw the month names on a language switch. */
let counts: MonthlyCount[] | null = null;

/** A RelayError 401 on a supporter call: the session has ended. */
class SessionEnded extends Error {}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (!session) throw new SessionEnded();
  try {
    return await api<T>(method, path, {
      token: session.token,
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    if (error instanceof RelayError && error.status === 401) {
      endSession('supporter.login.sessionEnded');
      throw new SessionEnded();
    }
    throw error;
  }
}

// ---- Logging in ---------------------------------------------------------

function setLoginBusy(stepKey: MessageKey | null): void {
  loginSubmit.disabled = stepKey !== null;
  loginProgress.hidden = stepKey === null;
  if (stepKey) localize(loginProgressText, stepKey);
}

function showLoginError(key: MessageKey | null): void {
  loginError.hidden = key === null;
  if (key) localize(loginError, key);
  else unlocalize(loginError);
}

function loginErrorKey(error: unknown): MessageKey {
  if (error instanceof ProtocolError) {
    if (error.code === 'argon2_self_test_failed') return 'supporter.login.error.argon2';
    if (error.code === 'wrong_passphrase') return 'supporter.login.error.credentials';
    if (error.code === 'weak_kdf') return 'supporter.login.error.parameters';
  }
  if (error instanceof RelayError) {
    if (error.code === 'network') return 'error.network';
    if (error.status === 401) return 'supporter.login.error.credentials';
    if (error.status === 429) return 'supporter.login.error.tooMany';
    if (error.code === 'supporter_inactive') return 'supporter.login.error.inactive';
  }
  if (error instanceof KeyMismatch) return 'supporter.login.error.keyMismatch';
  if (isLoadFailure(error)) return 'error.network';
  return 'supporter.login.error.generic';
}

/** The vault opened, but its key is not the one the directory publishes. */
class KeyMismatch extends Error {}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

async function logIn(login: string, passphrase: string): Promise<Session> {
  setLoginBusy('supporter.progress.check');
  await checkArgon2();
  setLoginBusy('supporter.progress.derive');
  const params = await api<{ salt: string; opslimit: number; memlimit: number }>(
    'POST',
    '/api/v1/session/params',
    { body: { login } },
  );
  const keys = await deriveVaultKeys(
    passphrase,
    fromB64(params.salt),
    params.opslimit,
    params.memlimit,
  );
  try {
    const response = await api<SessionResponse>('POST', '/api/v1/session', {
      body: { login, authKey: keys.authKey },
    });
    setLoginBusy('supporter.progress.unlock');
    const boxSecretKey = await unlockVault(response.vault, keys.vaultKey);
    const boxPublicKey = fromB64(response.supporter.boxPublicKey);
    // PROTOCOL §7: the key in the vault must be the one doctors encrypt to.
    if (!sameBytes(await boxPublicKeyOf(boxSecretKey), boxPublicKey)) {
      boxSecretKey.fill(0);
      void api('DELETE', '/api/v1/session', { token: response.token }).catch(() => {});
      throw new KeyMismatch();
    }
    return {
      token: response.token,
      supporter: response.supporter,
      boxPublicKey,
      boxSecretKey,
      store: null,
    };
  } finally {
    keys.vaultKey.fill(0);
  }
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const login = loginInput.value.trim();
  const passphrase = passphraseInput.value;
  loginEnded.hidden = true;
  if (login === '' || passphrase === '') {
    showLoginError('supporter.login.error.missing');
    (login === '' ? loginInput : passphraseInput).focus();
    return;
  }
  showLoginError(null);
  void (async () => {
    try {
      session = await logIn(login, passphrase);
    } catch (error) {
      setLoginBusy(null);
      showLoginError(loginErrorKey(error));
      passphraseInput.focus();
      return;
    }
    passphraseInput.value = '';
    setLoginBusy(null);
    await enterInbox();
  })();
});

// ---- The inbox ----------------------------------------------------------

function renderWarnings(): void {
  inboxWarning.replaceChildren();
  for (const [key, params] of warnings) {
    const line = document.createElement('span');
    line.className = 'warning-line';
    localize(line, key, params);
    inboxWarning.append(line);
  }
  inboxWarning.hidden = warnings.size === 0;
}

function regroup(): void {
  conversations = groupConversations(entries.values());
}

function render(): void {
  renderConversations(
    conversationsBox,
    { conversations, fresh, unsaved, drafts, confirmingDelete },
    actions,
  );
}

function renderMe(): void {
  if (!session) return;
  localize(meName, 'supporter.me.name', { name: session.supporter.name });
  meFingerprint.textContent = session.supporter.fingerprint;
  renderAvailability();
}

async function openStore(): Promise<LocalStore | null> {
  if (!session) return null;
  if (session.store) return session.store;
  try {
    session.store = await openLocalStore(session.boxSecretKey);
    warnings.delete('supporter.warning.noStore');
  } catch {
    warnings.set('supporter.warning.noStore', {});
  }
  renderWarnings();
  return session.store;
}

/** Loads what this browser kept, and deletes conversations past their time. */
async function loadStored(): Promise<void> {
  const store = await openStore();
  if (!store) return;
  try {
    const { records } = await store.readAll();
    for (const record of records) {
      const settings = settingsFromRecord(record);
      if (settings) retentionDays = settings.retentionDays;
      const entry = entryFromRecord(record);
      if (entry) entries.set(entryKey(entry), entry);
    }
  } catch {
    warnings.set('supporter.warning.noStore', {});
    renderWarnings();
  }
  regroup();
  await applyRetention();
}

async function applyRetention(): Promise<void> {
  const expired = new Set(expiredThreads(conversations, retentionDays, new Date()));
  if (expired.size === 0) return;
  const keys = [...entries.values()]
    .filter((entry) => expired.has(entryThread(entry)))
    .map(entryKey);
  for (const key of keys) entries.delete(key);
  for (const thread of expired) drafts.delete(thread);
  regroup();
  await session?.store?.deleteKeys(keys).catch(() => {});
}

async function enterInbox(): Promise<void> {
  if (!session) return;
  loginSection.hidden = true;
  inboxSection.hidden = false;
  renderMe();
  await loadStored();
  retentionInput.value = String(retentionDays);
  render();
  required('h1').setAttribute('tabindex', '-1');
  required<HTMLElement>('h1').focus();
  announce(t('supporter.me.name', { name: session.supporter.name }));
  await refreshInbox();
  await loadCounts();
}

/**
 * Fetches new messages, opens them, stores them and only then acknowledges
 * them. If the store fails, nothing is acknowledged: the relay keeps the
 * messages and they are fetched again next time.
 */
async function refreshInbox(): Promise<void> {
  if (!session) return;
  const current = session;
  refreshButton.disabled = true;
  localize(inboxStatus, 'supporter.inbox.checking');
  try {
    const { messages } = await call<{
      messages: { id: string; ciphertext: string; receivedAt: string }[];
    }>('GET', '/api/v1/inbox');
    const opened: ReceivedEntry[] = [];
    let unopenable = 0;
    for (const { id, ciphertext, receivedAt } of messages) {
      try {
        const message = await openDoctorMessage(
          fromB64(ciphertext),
          current.boxPublicKey,
          current.boxSecretKey,
        );
        opened.push({
          type: 'received',
          id,
          message,
          receivedAt,
          storedAt: new Date().toISOString(),
        });
      } catch {
        unopenable++;
      }
    }
    if (session !== current) return;
    if (unopenable > 0) warnings.set('supporter.warning.unopenable', { count: unopenable });
    else warnings.delete('supporter.warning.unopenable');
    // "New" marks what this check brought in, not everything since logging in.
    if (opened.length > 0) fresh.clear();
    for (const entry of opened) {
      if (!entries.has(entryKey(entry))) fresh.add(entryKey(entry));
      entries.set(entryKey(entry), entry);
    }
    if (opened.length > 0) {
      const store = await openStore();
      let stored = false;
      if (store) {
        try {
          await store.putAll(opened.map(entryRecord));
          stored = true;
        } catch {
          stored = false;
        }
      }
      // Logged out meanwhile: the state below belongs to nobody any more.
      if (session !== current) return;
      if (stored) {
        for (const entry of opened) unsaved.delete(entryThread(entry));
        warnings.delete('supporter.warning.notSaved');
        // Only now may the relay forget them.
        await call('POST', '/api/v1/inbox/ack', { ids: opened.map((entry) => entry.id) });
      } else {
        for (const entry of opened) unsaved.add(entryThread(entry));
        warnings.set('supporter.warning.notSaved', {});
      }
    }
    if (session !== current) return;
    regroup();
    render();
    renderWarnings();
    localize(
      inboxStatus,
      opened.length === 0 ? 'supporter.inbox.noneNew' : 'supporter.inbox.newCount',
      { count: opened.length },
    );
    announce(inboxStatus.textContent ?? '');
  } catch (error) {
    if (error instanceof SessionEnded) return;
    localize(
      inboxStatus,
      error instanceof RelayError && error.code === 'network'
        ? 'error.network'
        : 'supporter.inbox.failed',
    );
  } finally {
    refreshButton.disabled = false;
  }
}

refreshButton.addEventListener('click', () => {
  // New first contacts change this month's count too.
  void refreshInbox().then(loadCounts);
});

// ---- Conversations: reply and delete -------------------------------------

function findConversation(thread: string): Conversation | undefined {
  return conversations.find((conversation) => conversation.thread === thread);
}

function focusLater(selector: string): void {
  document.getElementById(selector)?.focus();
}

function newDraft(thread: string): Draft {
  const conversation = findConversation(thread);
  const template = replyTemplate(
    session?.supporter.name ?? '',
    conversation ? latestPrefs(conversation) : undefined,
  );
  return { text: template, template, error: null, sending: false };
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function replyErrorKey(error: unknown): MessageKey {
  if (error instanceof ProtocolError && error.code === 'message_too_long') {
    return 'supporter.reply.error.long';
  }
  if (error instanceof RelayError) {
    if (error.code === 'mailbox_not_found') return 'supporter.reply.error.mailboxGone';
    if (error.code === 'network') return 'error.network';
  }
  return 'supporter.reply.error.generic';
}

async function sendReply(thread: string): Promise<void> {
  const draft = drafts.get(thread);
  const conversation = findConversation(thread);
  const target = conversation ? latestReceived(conversation) : undefined;
  if (!session || !draft || !target || draft.sending) return;
  const text = draft.text.trim();
  draft.error =
    text === ''
      ? 'supporter.reply.error.empty'
      : hasPlaceholder(text)
        ? 'supporter.reply.error.placeholder'
        : countCodePoints(text) > MAX_TEXT_CHARS
          ? 'supporter.reply.error.long'
          : null;
  if (draft.error) {
    render();
    focusLater(`reply-${thread}`);
    return;
  }
  draft.sending = true;
  render();
  const current = session;
  try {
    const sealed = await sealReplyTo(
      target.message,
      { text, from: { id: current.supporter.id, name: current.supporter.name } },
      current.boxSecretKey,
    );
    await call('POST', '/api/v1/replies', {
      mailboxId: sealed.mailboxId,
      ciphertext: toB64(sealed.ciphertext),
    });
    const entry: SentEntry = {
      type: 'sent',
      id: sealed.id,
      reply: sealed.reply,
      mailboxId: sealed.mailboxId,
      storedAt: new Date().toISOString(),
    };
    entries.set(entryKey(entry), entry);
    drafts.delete(thread);
    const store = await openStore();
    try {
      if (!store) throw new Error('no store');
      await store.putAll([entryRecord(entry)]);
    } catch {
      unsaved.add(thread);
    }
    regroup();
    render();
    focusLater(`${conversationId(thread)}-title`);
    announce(t('supporter.reply.sentAnnounce'));
  } catch (error) {
    if (error instanceof SessionEnded) return;
    draft.sending = false;
    draft.error = replyErrorKey(error);
    render();
    focusLater(`reply-${thread}`);
  }
}

async function deleteThread(thread: string): Promise<void> {
  const keys = [...entries.values()].filter((entry) => entryThread(entry) === thread).map(entryKey);
  for (const key of keys) entries.delete(key);
  drafts.delete(thread);
  unsaved.delete(thread);
  confirmingDelete = null;
  await session?.store?.deleteKeys(keys).catch(() => {});
  regroup();
  render();
  required<HTMLElement>('#conversations-heading').setAttribute('tabindex', '-1');
  focusLater('conversations-heading');
  announce(t('supporter.conversation.deleted'));
}

const actions = {
  openReply(thread: string) {
    if (!drafts.has(thread)) drafts.set(thread, newDraft(thread));
    confirmingDelete = null;
    render();
    focusLater(`reply-${thread}`);
  },
  editReply(thread: string, text: string) {
    const draft = drafts.get(thread);
    if (draft) draft.text = text;
  },
  cancelReply(thread: string) {
    drafts.delete(thread);
    render();
    focusLater(`${conversationId(thread)}-title`);
  },
  sendReply(thread: string) {
    void sendReply(thread);
  },
  askDelete(thread: string | null) {
    const previous = confirmingDelete;
    confirmingDelete = thread;
    render();
    const focusThread = thread ?? previous;
    if (focusThread) focusLater(`${conversationId(focusThread)}-title`);
  },
  deleteThread(thread: string) {
    void deleteThread(thread);
  },
};

// ---- Availability -------------------------------------------------------

/** `YYYY-MM-DDTHH:MM` in local time, as `<input type="datetime-local">` wants. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function renderAvailability(): void {
  if (!session) return;
  const { status, awayUntil } = session.supporter;
  if (status === 'away') {
    localize(
      availabilityCurrent,
      awayUntil ? 'supporter.availability.currentAwayUntil' : 'supporter.availability.currentAway',
      awayUntil ? { time: formatDateTime(awayUntil) } : {},
    );
  } else {
    localize(availabilityCurrent, 'supporter.availability.currentAvailable');
  }
  statusAway.checked = status === 'away';
  statusAvailable.checked = status !== 'away';
  awayUntilInput.value = awayUntil ? localInputValue(new Date(awayUntil)) : '';
  awayUntilInput.min = localInputValue(new Date());
  awayUntilField.hidden = status !== 'away';
}

for (const radio of [statusAvailable, statusAway]) {
  radio.addEventListener('change', () => {
    awayUntilField.hidden = !statusAway.checked;
  });
}

function showAvailabilityError(key: MessageKey | null): void {
  availabilityError.hidden = key === null;
  if (key) localize(availabilityError, key);
  else unlocalize(availabilityError);
  if (key) awayUntilInput.setAttribute('aria-invalid', 'true');
  else awayUntilInput.removeAttribute('aria-invalid');
}

availabilityForm.addEventListener('submit', (event) => {
  event.preventDefault();
  unlocalize(availabilityStatus);
  let body: Record<string, string | null>;
  if (statusAway.checked) {
    body = { status: 'away', awayUntil: null };
    if (awayUntilInput.value !== '') {
      // datetime-local is the supporter's local time; send it with its zone.
      const until = new Date(awayUntilInput.value);
      if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
        showAvailabilityError('supporter.availability.error.past');
        awayUntilInput.focus();
        return;
      }
      body.awayUntil = until.toISOString();
    }
  } else {
    body = { status: 'available' };
  }
  showAvailabilityError(null);
  void (async () => {
    try {
      const updated = await call<Supporter>('PATCH', '/api/v1/me', body);
      if (!session) return;
      session.supporter = { ...session.supporter, ...updated };
      if (updated.awayUntil === undefined || updated.awayUntil === null) {
        delete session.supporter.awayUntil;
      }
      renderAvailability();
      localize(availabilityStatus, 'supporter.availability.saved');
    } catch (error) {
      if (error instanceof SessionEnded) return;
      showAvailabilityError(
        error instanceof RelayError && error.code === 'network'
          ? 'error.network'
          : 'supporter.availability.error.generic',
      );
    }
  })();
});

// ---- Local retention ----------------------------------------------------

retentionForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const days = Number(retentionInput.value);
  if (!isRetentionDays(days)) {
    localize(retentionStatus, 'supporter.storage.invalid');
    retentionInput.setAttribute('aria-invalid', 'true');
    retentionInput.focus();
    return;
  }
  retentionInput.removeAttribute('aria-invalid');
  retentionDays = days;
  void (async () => {
    const store = await openStore();
    try {
      if (!store) throw new Error('no store');
      await store.putAll([{ key: SETTINGS_KEY, value: { retentionDays: days } }]);
      localize(retentionStatus, 'supporter.storage.saved', { days });
    } catch {
      localize(retentionStatus, 'supporter.storage.savedSessionOnly', { days });
    }
    await applyRetention();
    render();
  })();
});

deleteAllButton.addEventListener('click', () => {
  deleteAllConfirm.hidden = false;
  required<HTMLButtonElement>('#delete-all-no').focus();
});
required<HTMLButtonElement>('#delete-all-no').addEventListener('click', () => {
  deleteAllConfirm.hidden = true;
  deleteAllButton.focus();
});
required<HTMLButtonElement>('#delete-all-yes').addEventListener('click', () => {
  void (async () => {
    entries.clear();
    drafts.clear();
    unsaved.clear();
    fresh.clear();
    confirmingDelete = null;
    await session?.store?.clear().catch(() => {});
    regroup();
    render();
    deleteAllConfirm.hidden = true;
    deleteAllButton.focus();
    announce(t('supporter.storage.deletedAll'));
  })();
});

// ---- Compensation counts ------------------------------------------------

function renderCountsBox(): void {
  if (counts) renderCounts(countsBox, counts);
}

async function loadCounts(): Promise<void> {
  if (!session) return;
  const current = session;
  if (!counts) countsBox.replaceChildren(el('p', { key: 'supporter.counts.loading' }));
  try {
    const response = await call<{ months: MonthlyCount[] }>('GET', '/api/v1/me/counts');
    if (session !== current) return;
    counts = response.months;
    renderCountsBox();
  } catch (error) {
    if (error instanceof SessionEnded || session !== current) return;
    if (!counts) countsBox.replaceChildren(el('p', { key: 'supporter.counts.failed' }));
  }
}

/**
 * Downloads the relay's CSV as it is (the same counts, in the relay's
 * format). `api()` speaks JSON only, so this one is a plain fetch, with the
 * token in the header and no cookies, like every other call.
 */
async function exportCounts(): Promise<void> {
  if (!session) return;
  const current = session;
  countsExport.disabled = true;
  unlocalize(countsStatus);
  try {
    let response: Response;
    try {
      response = await fetch('/api/v1/me/counts.csv', {
        headers: { Accept: 'text/csv', Authorization: `Bearer ${current.token}` },
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      localize(countsStatus, 'error.network');
      return;
    }
    if (response.status === 401) {
      if (session === current) endSession('supporter.login.sessionEnded');
      return;
    }
    if (!response.ok) throw new Error(`status ${response.status}`);
    const blob = await response.blob();
    if (session !== current) return;
    downloadBlob(
      blob,
      attachmentName(response.headers.get('Content-Disposition'), 'peer-relay-first-contacts.csv'),
    );
    localize(countsStatus, 'supporter.counts.exported');
  } catch {
    if (session === current) localize(countsStatus, 'supporter.counts.exportFailed');
  } finally {
    countsExport.disabled = false;
  }
}

countsExport.addEventListener('click', () => void exportCounts());

// ---- Logging out ----------------------------------------------------------

/** Zeroes the keys, forgets every decrypted text and returns to the login form. */
function endSession(reason: MessageKey | null): void {
  if (session) {
    session.boxSecretKey.fill(0);
    session.store?.close();
    session.token = '';
  }
  session = null;
  entries.clear();
  conversations = [];
  fresh.clear();
  unsaved.clear();
  drafts.clear();
  confirmingDelete = null;
  warnings.clear();
  retentionDays = DEFAULT_RETENTION_DAYS;
  counts = null;
  conversationsBox.replaceChildren();
  countsBox.replaceChildren();
  countsExport.disabled = false;
  inboxWarning.replaceChildren();
  inboxWarning.hidden = true;
  for (const node of [
    meName,
    availabilityCurrent,
    inboxStatus,
    availabilityStatus,
    retentionStatus,
    countsStatus,
  ]) {
    unlocalize(node);
  }
  meFingerprint.textContent = '';
  awayUntilInput.value = '';
  deleteAllConfirm.hidden = true;
  passphraseInput.value = '';
  inboxSection.hidden = true;
  loginSection.hidden = false;
  if (reason) {
    localize(loginEnded, reason);
    loginEnded.hidden = false;
  }
  showLoginError(null);
  passphraseInput.focus();
}

required<HTMLButtonElement>('#logout').addEventListener('click', () => {
  const token = session?.token;
  void (async () => {
    if (token) await api('DELETE', '/api/v1/session', { token }).catch(() => {});
    endSession('supporter.login.loggedOut');
    announce(t('supporter.login.loggedOut'));
  })();
});

// Leaving or reloading the page ends the session on the relay too, so the
// token does not outlive the memory that held it.
window.addEventListener('pagehide', () => {
  if (!session) return;
  void fetch('/api/v1/session', {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${session.token}` },
    credentials: 'omit',
    keepalive: true,
  }).catch(() => {});
  endSession(null);
});

document.addEventListener('languagechange', () => {
  relocalize();
  if (!session) return;
  // Untouched templates follow the language; edited text is left alone.
  for (const [thread, draft] of drafts) {
    if (draft.text === draft.template) {
      const retranslated = newDraft(thread);
      draft.text = retranslated.text;
      draft.template = retranslated.template;
    }
  }
  renderMe();
  render();
  renderCountsBox();
});
