/**
 * @module
 * The join page (`/supporter/join#invite=…`): the invite is checked at once;
 * an invited supporter fills in their directory entry and chooses a
 * passphrase; the browser makes their key pair, locks the secret half under
 * the passphrase (Argon2id) and registers. The relay never sees the
 * passphrase or the secret key.
 */
import '../i18n/supporter';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { InviteStatus } from '../supporter/invite-status';
import { JoinForm } from '../supporter/join-form';
import { Joined } from '../supporter/joined';
import { takeInviteFromAddress, useInvite } from '../supporter/use-invite';
import { mount, Page } from '../ui';

// Before mount: it rewrites the address (?lang=) and would keep the fragment.
const invite = takeInviteFromAddress();

function JoinPage() {
  const [state] = useInvite(invite);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const usable = state.kind === 'valid' || state.kind === 'unchecked' ? state.invite : null;
  return (
    <Page role="supporter" title="title.join">
      <h1>{t('join.heading')}</h1>
      {fingerprint ? (
        <Joined fingerprint={fingerprint} />
      ) : (
        <>
          {/* The invitation's lead only while the invite may be usable. */}
          {state.kind === 'checking' || usable ? <p class="lead">{t('join.lead')}</p> : null}
          <InviteStatus state={state} />
          {usable ? <JoinForm invite={usable} onJoined={setFingerprint} /> : null}
        </>
      )}
    </Page>
  );
}

mount(() => <JoinPage />);
