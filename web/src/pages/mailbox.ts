/**
 * @module
 * The mailbox page (`/mailbox`): the doctor types their reply code, the page
 * derives the mailbox from it, and shows what the relay holds: the status of
 * every message sent, and replies, opened here with the supporter's key and
 * then acknowledged, which deletes them from the relay. A follow-up is
 * written in place, in the thread of the reply it answers, so neither the
 * code nor the thread ever has to travel in an address.
 *
 * The code is parsed leniently (case, dashes, spaces, O/0, I/L/1) but never
 * sent, stored or put in the address; only the derived keys are kept, in
 * memory, until the doctor presses "Forget" or leaves.
 */
import { api, RelayError, type Supporter } from '../api';
import { describeSendFailure, type SendFailure } from '../doctor/errors';
import {
  capitalise,
  formatDate,
  formatDateTime,
  formatTimeLeft,
  localHref,
} from '../doctor/format';
import { setFieldError, textProblem, updateCounter } from '../doctor/message-text';
import { PendingSubmission, progressShare, type SubmissionReceipt } from '../doctor/send';
import { t } from '../i18n';
import {
  deriveMailbox,
  fingerprint,
  fromB64,
  type MailboxKeys,
  openReply,
  ProtocolError,
  parseReplyCode,
  sealFollowUp,
  toB64,
} from '../protocol';
import { focusElement, h, replaceChildren } from '../ui/dom';
import { announce, initPage, required } from '../ui/static-page';

initPage();

const enter = required('#mailbox-enter');
const form = required<HTMLFormElement>('#mailbox-form');
const codeInput = required<HTMLInputElement>('#mailbox-code');
const codeError = required('#mailbox-code-error');
const openButton = required<HTMLButtonElement>('#mailbox-open');
const loading = required('#mailbox-loading');
const view = required('#mailbox-view');
const viewTitle = required('#mailbox-view-title');
const kept = required('#mailbox-kept');
const refreshButton = required<HTMLButtonElement>('#mailbox-refresh');
const forgetButton = required<HTMLButtonElement>('#mailbox-forget');
const viewError = required('#mailbox-error');
const noReplies = required('#mailbox-no-replies');
const replyList = required<HTMLOListElement>('#mailbox-replies');
const sentList = required<HTMLOListElement>('#mailbox-sent');

/** What `POST /api/v1/mailbox/open` answers. */
interface MailboxContents {
  expiresAt: string;
  replies: {
    id: string;
    supporterId: string;
    ciphertext: string;
    sentAt: string;
    expiresAt: string;
    boxPublicKey: string;
  }[];
  sent: {
    id: string;
    supporterId: string;
    status: 'queued' | 'delivered' | 'expired';
    expiresAt: string;
    receivedAt: string;
  }[];
}

/** A directory entry, or `null` for a supporter who has left or been deactivated. */
type Listing = Supporter | null;

interface Session {
  mailbox: MailboxKeys;
  expiresAt: string;
  sent: MailboxContents['sent'];
  listings: Map<string, Listing>;
  /** Every reply shown since the code was entered; the relay has deleted them. */
  replies: ReplyView[];
}

let session: Session | null = null;
let busy = false;
/** Message key (and parameters) of an error shown for the whole mailbox. */
let viewProblem: 'network' | 'gone' | null = null;

// --- one reply, with its follow-up form ------------------------------------------

interface OpenedReply {
  name: string;
  text: string;
  thread: string;
  sentAt: string;
  fingerprint: string;
  /** The key the reply was authenticated with, and the one to seal a follow-up to. */
  key: Uint8Array;
}

/**
 * A reply on screen. Built once and updated in place, so typing a follow-up
 * is never interrupted by a refresh or a language switch.
 */
class ReplyView {
  readonly root = h('li', { class: 'card doctor-reply' });
  private readonly heading = h('h3');
  private readonly meta = h('p', { class: 'muted' });
  private readonly print = h('p', { class: 'hint' });
  private readonly body = h('p', { class: 'doctor-reply-text' });
  private readonly toggle = h('button', { class: 'secondary', attrs: { type: 'button' } });
  private readonly left = h('p', { class: 'hint' });
  private readonly followForm = h('form', {
    class: 'doctor-follow-up',
    attrs: { novalidate: true },
  });
  private readonly label = h('label');
  private readonly textarea = h('textarea');
  private readonly counter = h('p', { class: 'hint doctor-counter' });
  private readonly fieldError = h('p', { class: 'error', attrs: { hidden: true } });
  private readonly failureLine = h('p', {
    class: 'notice warning',
    attrs: { role: 'alert', hidden: true },
  });
  private readonly progressLabel = h('p');
  private readonly progressBar = h('progress', { attrs: { max: '100', value: '0' } });
  private readonly progressBox = h('div', { class: 'doctor-progress', attrs: { hidden: true } });
  private readonly submit = h('button', { attrs: { type: 'submit' } });
  private readonly done = h('p', { class: 'notice', attrs: { role: 'status', hidden: true } });

  private open = false;
  private sending = false;
  private failure: (() => SendFailure) | null = null;
  private pending: { draft: string; submission: PendingSubmission } | null = null;
  private sentReceipt: SubmissionReceipt | null = null;

  constructor(
    readonly id: string,
    readonly supporterId: string,
    readonly opened: OpenedReply | null,
    /** Whether the supporter is still in the directory and can be written to. */
    listed: boolean,
  ) {
    const uid = `reply-${id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    this.textarea.id = `${uid}-text`;
    this.counter.id = `${uid}-count`;
    this.fieldError.id = `${uid}-error`;
    this.label.htmlFor = this.textarea.id;
    this.textarea.setAttribute('aria-describedby', `${this.counter.id} ${this.fieldError.id}`);
    this.followForm.id = `${uid}-form`;
    this.toggle.setAttribute('aria-controls', this.followForm.id);
    this.progressLabel.id = `${uid}-progress`;
    this.progressBar.setAttribute('aria-labelledby', this.progressLabel.id);
    this.progressBox.append(this.progressLabel, this.progressBar);
    this.followForm.append(
      h('div', { class: 'field' }, this.label, this.textarea, this.counter, this.fieldError),
      this.failureLine,
      this.progressBox,
      h('div', { class: 'actions' }, this.submit),
    );
    if (opened) {
      this.root.append(this.heading, this.meta, this.body, this.print);
      if (listed)
        this.root.append(h('div', { class: 'actions' }, this.toggle), this.followForm, this.done);
      else this.root.append(this.left);
    } else {
      this.root.classList.add('doctor-reply-unopened');
      this.root.append(this.heading, this.body);
    }
    this.toggle.addEventListener('click', () => {
      this.open = !this.open;
      this.update();
      if (this.open) this.textarea.focus();
    });
    this.textarea.addEventListener('input', () => {
      updateCounter(this.textarea, this.counter);
      if (!this.fieldError.hidden) {
        setFieldError(this.textarea, this.fieldError, textProblem(this.textarea.value));
      }
    });
    this.followForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.update();
  }

  update(): void {
    const opened = this.opened;
    if (!opened) {
      this.heading.textContent = t('mailbox.reply.unopened.title');
      this.body.textContent = t('mailbox.reply.unopened');
      return;
    }
    this.heading.textContent = t('mailbox.reply.from', { name: opened.name });
    this.meta.textContent = t('mailbox.reply.sent', { date: formatDateTime(opened.sentAt) });
    this.print.textContent = t('mailbox.reply.fingerprint', {
      name: opened.name,
      fingerprint: opened.fingerprint,
    });
    this.body.textContent = opened.text;
    this.left.textContent = t('mailbox.reply.left', { name: opened.name });
    this.toggle.textContent = t('mailbox.followUp.toggle', { name: opened.name });
    this.toggle.setAttribute('aria-expanded', String(this.open));
    this.followForm.hidden = !this.open;
    this.label.textContent = t('mailbox.followUp.label', { name: opened.name });
    updateCounter(this.textarea, this.counter);
    if (!this.fieldError.hidden) {
      setFieldError(this.textarea, this.fieldError, textProblem(this.textarea.value));
    }
    const failure = this.failure?.() ?? null;
    this.failureLine.hidden = failure === null;
    this.failureLine.textContent = failure?.message ?? '';
    this.progressLabel.textContent = t('write.progress');
    this.progressBox.hidden = !this.sending;
    this.submit.textContent = t('write.send');
    this.submit.disabled = this.sending;
    this.done.hidden = this.sentReceipt === null;
    this.done.textContent = this.sentReceipt
      ? t('mailbox.followUp.sent', {
          name: opened.name,
          date: formatDate(this.sentReceipt.expiresAt),
        })
      : '';
  }

  private async send(): Promise<void> {
    const opened = this.opened;
    const current = session;
    if (!opened || !current || this.sending) return;
    const text = this.textarea.value;
    const problem = textProblem(text);
    setFieldError(this.textarea, this.fieldError, problem);
    if (problem) {
      this.textarea.focus();
      return;
    }
    this.sending = true;
    this.failure = null;
    this.sentReceipt = null;
    this.progressBar.value = 0;
    this.update();
    announce(t('write.progress'));
    let submission: PendingSubmission;
    try {
      // Same draft after a failure: resend the very same sealed message.
      if (this.pending?.draft !== text) {
        const sealed = await sealFollowUp(
          opened.thread,
          { text, mailbox: current.mailbox },
          opened.key,
        );
        this.pending = {
          draft: text,
          submission: new PendingSubmission({
            supporterId: this.supporterId,
            ciphertext: toB64(sealed.ciphertext),
            mailbox: { id: current.mailbox.mailboxId, readToken: current.mailbox.readToken },
          }),
        };
      }
      submission = this.pending.submission;
    } catch (error) {
      const tooLong = error instanceof ProtocolError && error.code === 'message_too_long';
      this.failure = () =>
        tooLong
          ? describeSendFailure(error, opened.name)
          : { message: t('doctor.error.crypto'), suggestAnother: false };
      this.finish();
      return;
    }
    try {
      this.sentReceipt = await submission.send((p) => {
        this.progressBar.value = Math.round(progressShare(p) * 100);
      });
      this.pending = null;
      this.textarea.value = '';
      this.open = false;
      this.finish();
      // Show the new message among those sent.
      void refresh({ quiet: true });
    } catch (error) {
      this.failure = () => describeSendFailure(error, opened.name);
      this.finish();
    }
  }

  private finish(): void {
    this.sending = false;
    this.update();
    const failure = this.failure?.();
    if (failure) {
      announce(failure.message);
      focusElement(this.failureLine);
    } else if (this.sentReceipt) {
      announce(this.done.textContent ?? '');
      focusElement(this.done);
    }
  }
}

// --- opening the mailbox --------------------------------------------------------------

async function listing(id: string, known: Map<string, Listing>): Promise<Listing> {
  if (known.has(id)) return known.get(id) ?? null;
  let entry: Listing = null;
  try {
    entry = await api<Supporter>('GET', `/api/v1/supporters/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof RelayError && error.status === 404)) throw error;
  }
  known.set(id, entry);
  return entry;
}

async function openOne(
  reply: MailboxContents['replies'][number],
  current: Session,
): Promise<ReplyView> {
  const entry = await listing(reply.supporterId, current.listings);
  try {
    // The directory's key, the one the doctor's message was sealed to; the
    // key sent with the reply only for a supporter who has since left.
    const key = fromB64(entry?.boxPublicKey ?? reply.boxPublicKey);
    const opened = await openReply(fromB64(reply.ciphertext), key, current.mailbox.replySecretKey);
    if (opened.from.id !== reply.supporterId) throw new ProtocolError('invalid_message', 'sender');
    return new ReplyView(
      reply.id,
      reply.supporterId,
      {
        name: opened.from.name,
        text: opened.text,
        thread: opened.thread,
        sentAt: opened.sentAt,
        fingerprint: await fingerprint(key),
        key,
      },
      entry !== null,
    );
  } catch {
    return new ReplyView(reply.id, reply.supporterId, null, false);
  }
}

/** Takes in what the relay holds: shows it, then acknowledges the replies now on screen. */
async function absorb(contents: MailboxContents, current: Session): Promise<void> {
  current.expiresAt = contents.expiresAt;
  current.sent = contents.sent;
  // Refresh names and away status of everyone written to.
  current.listings.clear();
  for (const id of new Set(contents.sent.map((entry) => entry.supporterId))) {
    await listing(id, current.listings);
  }
  const shownIds = new Set(current.replies.map((reply) => reply.id));
  const fresh: ReplyView[] = [];
  for (const reply of contents.replies) {
    if (!shownIds.has(reply.id)) fresh.push(await openOne(reply, current));
  }
  current.replies.push(...fresh);
  render();
  for (const reply of fresh) replyList.append(reply.root);
  // Only replies that were opened and are on screen are deleted from the relay.
  const read = fresh.filter((reply) => reply.opened).map((reply) => reply.id);
  if (read.length > 0) {
    await api('POST', '/api/v1/mailbox/ack', {
      body: { id: current.mailbox.mailboxId, readToken: current.mailbox.readToken, replyIds: read },
    }).catch(() => {
      // Not acknowledged: the relay keeps the reply and it is shown again next time.
    });
  }
}

function fetchContents(mailbox: MailboxKeys): Promise<MailboxContents> {
  return api<MailboxContents>('POST', '/api/v1/mailbox/open', {
    body: { id: mailbox.mailboxId, readToken: mailbox.readToken },
  });
}

type CodeProblem = 'wrong' | 'network' | 'crypto';
let codeProblem: CodeProblem | null = null;

function codeProblemText(problem: CodeProblem): string {
  return problem === 'wrong'
    ? t('mailbox.code.wrong')
    : problem === 'network'
      ? t('mailbox.network')
      : t('doctor.error.crypto');
}

function showCodeError(problem: CodeProblem | null): void {
  codeProblem = problem;
  setFieldError(codeInput, codeError, problem ? codeProblemText(problem) : null);
  if (problem) codeInput.focus();
}

async function openWithCode(): Promise<void> {
  if (busy) return;
  const code = parseReplyCode(codeInput.value);
  if (!code) {
    // Nothing is sent for something that cannot be a code.
    showCodeError('wrong');
    return;
  }
  showCodeError(null);
  busy = true;
  openButton.disabled = true;
  loading.hidden = false;
  announce(t('mailbox.loading'));
  let mailbox: MailboxKeys;
  try {
    mailbox = await deriveMailbox(code);
  } catch {
    finishOpening();
    showCodeError('crypto');
    return;
  } finally {
    code.fill(0);
  }
  try {
    const contents = await fetchContents(mailbox);
    codeInput.value = '';
    session = {
      mailbox,
      expiresAt: contents.expiresAt,
      sent: [],
      listings: new Map(),
      replies: [],
    };
    viewProblem = null;
    await absorb(contents, session);
    finishOpening();
    focusElement(viewTitle);
    announce(t('mailbox.opened'));
  } catch (error) {
    finishOpening();
    // A wrong code and an unknown or expired mailbox are the same to the relay (404).
    showCodeError(error instanceof RelayError && error.code === 'network' ? 'network' : 'wrong');
  }
}

function finishOpening(): void {
  busy = false;
  openButton.disabled = false;
  loading.hidden = true;
  render();
}

async function refresh({ quiet = false } = {}): Promise<void> {
  const current = session;
  if (!current || busy) return;
  busy = true;
  refreshButton.disabled = true;
  try {
    await absorb(await fetchContents(current.mailbox), current);
    viewProblem = null;
    if (!quiet) announce(t('mailbox.refreshed'));
  } catch (error) {
    viewProblem = error instanceof RelayError && error.status === 404 ? 'gone' : 'network';
  }
  busy = false;
  refreshButton.disabled = false;
  render();
}

function forget(): void {
  session?.mailbox.replySecretKey.fill(0);
  session = null;
  viewProblem = null;
  replaceChildren(replyList);
  replaceChildren(sentList);
  codeInput.value = '';
  showCodeError(null);
  render();
  codeInput.focus();
  announce(t('mailbox.forgotten'));
}

// --- rendering ----------------------------------------------------------------------

/** The supporter's name from the directory, else from a reply they signed, else a description. */
function supporterLabel(id: string, current: Session): string {
  return (
    current.listings.get(id)?.name ??
    current.replies.find((reply) => reply.supporterId === id && reply.opened)?.opened?.name ??
    t('mailbox.sent.leftName')
  );
}

function sentItem(entry: Session['sent'][number], current: Session): HTMLLIElement {
  const name = supporterLabel(entry.supporterId, current);
  const statusText = {
    queued: t('mailbox.status.queued'),
    delivered: t('mailbox.status.delivered'),
    expired: t('mailbox.status.expired'),
  }[entry.status];
  const detail = {
    queued: t('mailbox.sent.queued', {
      name,
      left: formatTimeLeft(entry.expiresAt),
      date: formatDateTime(entry.expiresAt),
    }),
    delivered: t('mailbox.sent.delivered', { name }),
    expired: t('mailbox.sent.expired', { name }),
  }[entry.status];
  return h(
    'li',
    { class: `card doctor-sent-item doctor-sent-${entry.status}` },
    h('h3', { text: t('mailbox.sent.to', { name }) }),
    h('p', {
      class: 'muted',
      text: t('mailbox.sent.at', { date: formatDateTime(entry.receivedAt) }),
    }),
    h(
      'p',
      {},
      h('span', {
        class: entry.status === 'expired' ? 'badge away' : 'badge',
        text: statusText,
        attrs: { 'data-status': entry.status },
      }),
    ),
    h('p', { text: capitalise(detail) }),
    entry.status === 'expired'
      ? h('p', {}, h('a', { text: t('mailbox.sent.another'), attrs: { href: localHref('/') } }))
      : null,
  );
}

function render(): void {
  const current = session;
  enter.hidden = current !== null;
  view.hidden = current === null;
  if (!current) return;
  kept.textContent = t('mailbox.kept', { date: formatDate(current.expiresAt) });
  viewError.hidden = viewProblem === null;
  viewError.textContent =
    viewProblem === 'gone' ? t('mailbox.gone') : viewProblem ? t('mailbox.network') : '';
  noReplies.hidden = current.replies.length > 0;
  for (const reply of current.replies) reply.update();
  replaceChildren(sentList, ...current.sent.map((entry) => sentItem(entry, current)));
}

// --- events -------------------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void openWithCode();
});
codeInput.addEventListener('input', () => {
  if (codeProblem) showCodeError(null);
});
refreshButton.addEventListener('click', () => void refresh());
forgetButton.addEventListener('click', forget);
document.addEventListener('languagechange', () => {
  if (codeProblem) setFieldError(codeInput, codeError, codeProblemText(codeProblem));
  render();
});
render();
