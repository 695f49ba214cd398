/**
 * @module
 * The mailbox page (`/mailbox`): the doctor types their reply code, the page
 * derives the mailbox from it and shows what the relay holds. The code is
 * parsed leniently (case, dashes, spaces, O/0, I/L/1) but never sent, stored
 * or put in the address; only the derived keys are kept, in memory, until
 * the doctor presses "Forget" or leaves.
 */
import '../i18n/doctor';
import { useRef, useState } from 'preact/hooks';
import { RelayError } from '../api';
import { CodeForm, type OpenProblem, openProblemText } from '../doctor/code-form';
import { codeProblem } from '../doctor/code-problem';
import {
  absorb,
  deleteConversation,
  deleteMailbox,
  fetchContents,
  type MailboxSession,
} from '../doctor/mailbox-session';
import { MailboxView } from '../doctor/mailbox-view';
import { t } from '../i18n';
import { deriveMailbox, type MailboxKeys, parseReplyCode, prepareEncryption } from '../protocol';
import { announce, mount, Notice, Page } from '../ui';
import { useFocusAfterRender } from '../ui/use-focus';
import { ScriptIntegrityError } from '../verified-scripts';

// The code form does not wait for libsodium; opening needs it, so it loads
// while the doctor types (a failure is told when the code is opened).
prepareEncryption().catch(() => {});

function Mailbox() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<OpenProblem | null>(null);
  const [session, setSession] = useState<MailboxSession | null>(null);
  const [viewProblem, setViewProblem] = useState<'network' | 'gone' | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleted, setDeleted] = useState(false);
  // The latest session for callbacks that outlive a render (a follow-up's refresh).
  const current = useRef<MailboxSession | null>(null);
  const [inputRef, focusInput] = useFocusAfterRender<HTMLInputElement>();
  const [titleRef, focusTitle] = useFocusAfterRender<HTMLHeadingElement>();

  // Replies are never acknowledged on showing, only on deletion (PROTOCOL.md §10.4).
  function show(next: MailboxSession) {
    current.current = next;
    setSession(next);
  }

  async function removeConversation(supporterId: string, name: string) {
    const before = current.current;
    if (!before) return;
    const next = await deleteConversation(before, supporterId);
    if (current.current !== before) return;
    show(next);
    focusTitle();
    announce(t('mailbox.conversation.deleted', { name }));
  }

  async function removeAll() {
    const before = current.current;
    if (!before) return;
    await deleteMailbox(before.keys);
    before.keys.replySecretKey.fill(0);
    current.current = null;
    setSession(null);
    setViewProblem(null);
    setDeleted(true);
    focusInput();
    announce(t('mailbox.deleteAll.done'));
  }

  function refuse(found: OpenProblem) {
    setProblem(found);
    announce(openProblemText(found));
    focusInput();
  }

  async function open() {
    if (busy) return;
    const found = codeProblem(code);
    const bytes = found ? null : parseReplyCode(code);
    // Nothing is sent for something that cannot be a code.
    if (found || !bytes) return refuse(found ?? { kind: 'characters', found: [] });
    setProblem(null);
    setBusy(true);
    announce(t('mailbox.loading'));
    let keys: MailboxKeys;
    try {
      keys = await deriveMailbox(bytes);
    } catch (error) {
      setBusy(false);
      return refuse({ kind: error instanceof ScriptIntegrityError ? 'integrity' : 'crypto' });
    } finally {
      bytes.fill(0);
    }
    try {
      const opened = await absorb(await fetchContents(keys), keys, null);
      setCode('');
      setViewProblem(null);
      setDeleted(false);
      setBusy(false);
      show(opened);
      focusTitle();
      announce(t('mailbox.opened'));
    } catch (error) {
      setBusy(false);
      // A wrong code and an unknown or expired mailbox are the same to the relay (404).
      refuse({
        kind: error instanceof RelayError && error.code === 'network' ? 'network' : 'unknown',
      });
    }
  }

  async function refresh(quiet = false) {
    const before = current.current;
    if (!before) return;
    setBusy(true);
    try {
      const next = await absorb(await fetchContents(before.keys), before.keys, before);
      // Forgotten meanwhile: show nothing.
      if (current.current !== before) return;
      show(next);
      setViewProblem(null);
      if (!quiet) announce(t('mailbox.refreshed'));
    } catch (error) {
      setViewProblem(error instanceof RelayError && error.status === 404 ? 'gone' : 'network');
    } finally {
      setBusy(false);
    }
  }

  function forget() {
    current.current?.keys.replySecretKey.fill(0);
    current.current = null;
    setSession(null);
    setViewProblem(null);
    setCode('');
    setProblem(null);
    focusInput();
    announce(t('mailbox.forgotten'));
  }

  return (
    <>
      <h1 id="mailbox-title" tabIndex={-1}>
        {t('mailbox.title')}
      </h1>
      {deleted ? (
        <Notice class="doctor-mailbox-deleted">
          <p>{t('mailbox.deleteAll.done')}</p>
        </Notice>
      ) : null}
      <CodeForm
        hidden={session !== null}
        code={code}
        onInput={(typed) => {
          setCode(typed);
          setProblem(null);
          setDeleted(false);
        }}
        problem={problem}
        busy={busy}
        onSubmit={() => void open()}
        inputRef={inputRef}
      />
      {session ? (
        <MailboxView
          session={session}
          problem={viewProblem}
          busy={busy}
          onRefresh={(quiet) => void refresh(quiet)}
          onForget={forget}
          onDeleteConversation={removeConversation}
          onDeleteAll={removeAll}
          titleRef={titleRef}
        />
      ) : null}
    </>
  );
}

mount(() => (
  <Page role="doctor" title="title.mailbox">
    <Mailbox />
  </Page>
));
