/**
 * @module
 * Said at once when the chosen supporter is away, before the doctor writes:
 * when they are back, and who is available instead. Choosing someone else
 * switches the recipient on this page; what was typed stays. Only entries
 * confirmed by the service are offered (./confirmation.ts).
 */
import type { Supporter } from '../../../src/wire/api.ts';
import { localHref, t } from '../i18n';
import { Button } from '../ui';
import { formatList } from '../ui/format';
import { useConfirmations } from './confirmation';
import { awaySentence, countyLabel, specialtyLabel } from './format';
import { useDirectory } from './use-directory';

/** How many available supporters to offer; the list has everyone. */
const OFFERED = 5;

/** Available supporters, those who share a specialty with `away` first. */
function alternatives(all: readonly Supporter[], away: Supporter): Supporter[] {
  const shared = (s: Supporter) => s.specialties.some((code) => away.specialties.includes(code));
  return all
    .filter((s) => s.status === 'available' && s.id !== away.id)
    .sort((a, b) => Number(shared(b)) - Number(shared(a)))
    .slice(0, OFFERED);
}

export interface AwayChoiceProps {
  supporter: Supporter;
  /** Switch to another supporter; `busy` while one is being loaded. */
  onChoose: (id: string) => void;
  busy: boolean;
}

export function AwayChoice({ supporter, onChoose, busy }: AwayChoiceProps) {
  const directory = useDirectory();
  const all = directory.status === 'ready' ? directory.supporters : [];
  const confirmed = useConfirmations(all);
  const others = alternatives(
    all.filter((other) => confirmed(other) === true),
    supporter,
  );
  return (
    <div id="write-away" class="notice warning doctor-away">
      <p>{t('write.away.notice', { away: awaySentence(supporter) })}</p>
      {others.length > 0 ? (
        <>
          <h2 class="doctor-who-sees-title" id="write-away-others">
            {t('write.away.others')}
          </h2>
          <ul class="doctor-alternatives" aria-labelledby="write-away-others">
            {others.map((other) => (
              <li key={other.id}>
                <Button variant="secondary" busy={busy} onClick={() => onChoose(other.id)}>
                  {t('write.away.choose', { name: other.name })}
                </Button>{' '}
                <span class="hint">
                  {formatList(
                    [
                      t('doctor.place', { town: other.town, county: countyLabel(other.county) }),
                      ...other.specialties.map(specialtyLabel),
                    ],
                    'unit',
                  )}
                </span>
              </li>
            ))}
          </ul>
          <p class="hint">{t('write.away.keep')}</p>
        </>
      ) : null}
      <p>
        <a href={localHref('/')}>{t('write.chooseAnother')}</a>
      </p>
    </div>
  );
}
