/**
 * @module
 * The compose page (`/write`). The doctor's message is sealed on this
 * device to the supporter's key before anything is sent; the reply code is
 * drawn here, shown once, and never leaves the page. The supporter chosen
 * on the home page is handed over outside the address
 * (../doctor/recipient.ts); no id, code or thread is ever in it.
 * Choosing another supporter (when this one is away) happens in place: the
 * draft is kept in memory, never stored.
 *
 * The form is shown as soon as the directory names the supporter: the
 * directory and libsodium are asked for side by side as the script starts,
 * and only sending and the fingerprint wait for libsodium
 * (docs/protocol.md, "How the doctor's pages start").
 */
import '../i18n/doctor';
import { useEffect, useState } from 'preact/hooks';
import type { Supporter } from '../api';
import { AboutService } from '../doctor/about-service';
import { AwayChoice } from '../doctor/away-choice';
import { ComposeForm } from '../doctor/compose-form';
import { clearDraft } from '../doctor/draft';
import { FirstContact } from '../doctor/first-contact';
import { SupporterProfile } from '../doctor/profile';
import {
  checkKey,
  findRecipient,
  keyCheck,
  type Recipient,
  takeChosenId,
} from '../doctor/recipient';
import { ReplyCodeCard } from '../doctor/reply-code-card';
import type { SubmissionReceipt } from '../doctor/send';
import { localHref, t } from '../i18n';
import { prepareEncryption } from '../protocol';
import { announce, mount, Page } from '../ui';
import { useFocusAfterRender } from '../ui/use-focus';

const firstContact = new FirstContact();
// Out of the address before anything renders.
const chosenId = takeChosenId();
// Both at once, before the first render: neither waits for the other.
const chosen = findRecipient(chosenId);
// A failure shows where it matters, when the key is checked (checkKey).
prepareEncryption().catch(() => {});

function Missing({ reason }: { reason: Extract<Recipient, { status: 'missing' }>['reason'] }) {
  return (
    <div id="write-missing" class="notice warning">
      <p>{t(`write.missing.${reason}`)}</p>
      <p>
        <a href={localHref('/')}>{t('write.chooseAnother')}</a>
      </p>
    </div>
  );
}

/** Checks the recipient's key; once libsodium is ready, the reply code is drawn too (Send then only seals). */
function prepareFor(supporter: Supporter): void {
  void checkKey(supporter).then((check) => {
    if (check.status === 'verified') firstContact.drawCode().catch(() => {});
  });
}

function Write() {
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [switching, setSwitching] = useState(false);
  const [sent, setSent] = useState<{ receipt: SubmissionReceipt; code: string } | null>(null);
  const [titleRef, focusTitle] = useFocusAfterRender<HTMLHeadingElement>();
  const [sentRef, focusSent] = useFocusAfterRender<HTMLHeadingElement>();

  useEffect(() => {
    void chosen.then((loaded) => {
      setRecipient(loaded);
      if (loaded.status !== 'ready') return;
      prepareFor(loaded.supporter);
      announce(t('write.title', { name: loaded.supporter.name }));
    });
  }, []);

  async function choose(id: string) {
    setSwitching(true);
    const loaded = await findRecipient(id);
    setSwitching(false);
    setRecipient(loaded);
    if (loaded.status !== 'ready') return;
    prepareFor(loaded.supporter);
    focusTitle();
    announce(t('write.switched', { name: loaded.supporter.name }));
  }

  function onSent(receipt: SubmissionReceipt) {
    setSent({ receipt, code: firstContact.takeCode() });
    clearDraft();
    focusSent();
    announce(t('write.sent.announce'));
  }

  const ready = recipient?.status === 'ready' ? recipient : null;
  const check = keyCheck.value;
  return (
    <>
      <p class="doctor-back">
        <a href={localHref('/')}>{t('write.back')}</a>
      </p>
      <h1 id="write-title" tabIndex={-1} ref={titleRef}>
        {ready ? t('write.title', { name: ready.supporter.name }) : t('write.heading')}
      </h1>
      {recipient === null ? <p role="status">{t('write.loading')}</p> : null}
      {recipient?.status === 'missing' ? <Missing reason={recipient.reason} /> : null}
      {ready ? (
        <section id="write-compose" aria-labelledby="write-title" hidden={sent !== null}>
          <AboutService />
          <div id="write-recipient" class="card doctor-recipient">
            <SupporterProfile
              supporter={ready.supporter}
              fingerprint={
                check === null
                  ? t('write.fingerprint.checking')
                  : check.status === 'verified'
                    ? check.fingerprint
                    : t('write.fingerprint.unchecked')
              }
              verifyNote={t('write.fingerprint.note', { name: ready.supporter.name })}
            />
          </div>
          {ready.supporter.status === 'away' ? (
            <AwayChoice supporter={ready.supporter} busy={switching} onChoose={choose} />
          ) : null}
          <ComposeForm
            key={ready.supporter.id}
            supporter={ready.supporter}
            firstContact={firstContact}
            onSent={onSent}
          />
        </section>
      ) : null}
      {ready && sent ? (
        <ReplyCodeCard
          name={ready.supporter.name}
          code={sent.code}
          receipt={sent.receipt}
          titleRef={sentRef}
        />
      ) : null}
    </>
  );
}

mount(() => (
  <Page role="doctor" title="title.write">
    <Write />
  </Page>
));
