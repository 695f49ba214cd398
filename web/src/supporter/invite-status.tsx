/**
 * @module
 * What the join page says about its invite before anything is typed: being
 * checked, valid (and until when), or why it cannot be used and what to do.
 */
import { t } from '../i18n';
import { Notice, Progress } from '../ui';
import { formatHourRange } from '../ui/format';
import type { InviteState } from './use-invite';

const REFUSED = {
  missing: 'join.noInvite',
  used: 'join.invite.used',
  expired: 'join.invite.expired',
  unknown: 'join.invite.unknown',
} as const;

export function InviteStatus({ state }: { state: InviteState }) {
  switch (state.kind) {
    case 'checking':
      return <Progress label={t('join.invite.checking')} />;
    case 'valid':
      return state.expiresAt ? (
        <p class="hint" id="join-invite-valid">
          {t('join.invite.validUntil', { time: formatHourRange(state.expiresAt) })}
        </p>
      ) : null;
    case 'unchecked':
      return null;
    default:
      return (
        <div id="join-no-invite">
          <Notice kind="warning">
            <p>{t(REFUSED[state.kind])}</p>
            <p>{t('join.invite.whatToDo')}</p>
          </Notice>
        </div>
      );
  }
}
