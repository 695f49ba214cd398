/**
 * @module
 * A supporter's public profile as the doctor pages show it: place, away
 * status, specialties, languages, ways of meeting, the key fingerprint
 * behind "Verify this supporter", a recent change of key (the directory says
 * so for 30 days), and the supporter's own words. Shared by
 * the directory cards and the compose page.
 */
import type { ComponentChildren } from 'preact';
import type { Supporter } from '../../../src/wire/api.ts';
import { t } from '../i18n';
import { Disclosure } from '../ui';
import { capitalise, formatDate, formatList } from '../ui/format';
import { awayText, countyLabel, languageList, modalityName, specialtyLabel } from './format';

function Detail({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The fingerprint, folded: most people never need it, and it is there for those who do. */
export function VerifySupporter({ fingerprint, note }: { fingerprint: string; note: string }) {
  return (
    <Disclosure class="doctor-verify" summary={t('doctor.verify')}>
      <p class="doctor-verify-label">{t('doctor.fingerprint')}</p>
      <p class="fingerprint">{fingerprint}</p>
      <p class="hint">{note}</p>
    </Disclosure>
  );
}

export interface SupporterProfileProps {
  supporter: Supporter;
  /** The directory's copy on the list; the one computed on this device on the compose page. */
  fingerprint: string;
  /** What the fingerprint is for, under it. */
  verifyNote: string;
}

export function SupporterProfile({ supporter, fingerprint, verifyNote }: SupporterProfileProps) {
  const away = supporter.status === 'away';
  return (
    <>
      <p class="doctor-place">
        {t('doctor.place', { town: supporter.town, county: countyLabel(supporter.county) })}
      </p>
      <p>
        <span class={away ? 'badge away' : 'badge'}>
          {away ? awayText(supporter) : t('doctor.available')}
        </span>
      </p>
      <dl class="doctor-details">
        {supporter.specialties.length > 0 ? (
          <Detail label={t('doctor.specialties')}>
            {formatList(supporter.specialties.map(specialtyLabel))}
          </Detail>
        ) : null}
        <Detail label={t('doctor.languages')}>{languageList(supporter.languages)}</Detail>
        <Detail label={t('doctor.modalities')}>
          {capitalise(formatList(supporter.modalities.map(modalityName)))}
        </Detail>
      </dl>
      {supporter.keyChangedAt ? (
        <p>
          <span class="badge away doctor-key-changed">
            {t('doctor.keyChanged', { date: formatDate(supporter.keyChangedAt) })}
          </span>
        </p>
      ) : null}
      {supporter.about ? <p class="doctor-about-text">{supporter.about}</p> : null}
      <VerifySupporter fingerprint={fingerprint} note={verifyNote} />
    </>
  );
}
