/**
 * @module
 * One supporter in the directory: the profile and the way to write to them.
 * An away supporter's button is quieter, and their card says when they are back.
 * "Write to" is there only once the entry is confirmed by the service
 * (./confirmation.ts); an entry that is not says so instead.
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { localHref, t } from '../i18n';
import { ButtonLink, Card } from '../ui';
import { SupporterProfile } from './profile';
import { handOverRecipient } from './recipient';

export interface SupporterCardProps {
  supporter: Supporter;
  /** Whether the service confirmed the entry; `undefined` while that is being checked. */
  confirmed: boolean | undefined;
}

export function SupporterCard({ supporter, confirmed }: SupporterCardProps) {
  const away = supporter.status === 'away';
  return (
    <Card as="li" class={away ? 'doctor-card doctor-card-away' : 'doctor-card'}>
      <h3>{supporter.name}</h3>
      <SupporterProfile
        supporter={supporter}
        fingerprint={supporter.fingerprint}
        verifyNote={t('home.verify.note', { name: supporter.name })}
      />
      {confirmed === true ? (
        <ButtonLink
          variant={away ? 'quiet' : 'primary'}
          href={localHref('/write')}
          onClick={() => handOverRecipient(supporter.id)}
        >
          {t('home.write', { name: supporter.name })}
        </ButtonLink>
      ) : confirmed === false ? (
        <div class="notice warning doctor-unconfirmed">
          <p>
            <strong>{t('doctor.unconfirmed')}</strong>
          </p>
          <p>{t('doctor.unconfirmed.text', { name: supporter.name })}</p>
        </div>
      ) : null}
    </Card>
  );
}
