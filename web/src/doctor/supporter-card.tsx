/**
 * @module
 * One supporter in the directory: the profile and the way to write to them.
 * An away supporter's button is quieter, and their card says when they are back.
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { localHref, t } from '../i18n';
import { ButtonLink, Card } from '../ui';
import { SupporterProfile } from './profile';
import { handOverRecipient } from './recipient';

export function SupporterCard({ supporter }: { supporter: Supporter }) {
  const away = supporter.status === 'away';
  return (
    <Card as="li" class={away ? 'doctor-card doctor-card-away' : 'doctor-card'}>
      <h3>{supporter.name}</h3>
      <SupporterProfile
        supporter={supporter}
        fingerprint={supporter.fingerprint}
        verifyNote={t('home.verify.note', { name: supporter.name })}
      />
      <ButtonLink
        variant={away ? 'quiet' : 'primary'}
        href={localHref('/write')}
        onClick={() => handOverRecipient(supporter.id)}
      >
        {t('home.write', { name: supporter.name })}
      </ButtonLink>
    </Card>
  );
}
