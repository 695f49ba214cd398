/**
 * @module
 * The directory on the home page: the filters, how many match, and the
 * cards, available supporters first. The first screen's cards are drawn at
 * once and the rest just after that first paint: on a slow phone, drawing a
 * long directory in one go would keep the doctor from the first "Write to"
 * for most of a second.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { useConfirmations } from './confirmation';
import { DirectoryFilters } from './directory-filters';
import { type Filters, matches, NO_FILTERS } from './filters';
import { availableFirst } from './format';
import { SupporterCard } from './supporter-card';
import { useDirectory } from './use-directory';

/** Cards drawn before the first paint: more than a phone or a laptop shows at once. */
export const FIRST_CARDS = 12;

export function Directory() {
  const directory = useDirectory();
  const confirmed = useConfirmations(directory.status === 'ready' ? directory.supporters : []);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [drawAll, setDrawAll] = useState(false);
  // Effects run after the browser has painted, so the rest follow the first screen.
  useEffect(() => {
    if (directory.status === 'ready') setDrawAll(true);
  }, [directory.status]);
  const all = directory.status === 'ready' ? availableFirst(directory.supporters) : [];
  const shown = all.filter((supporter) => matches(supporter, filters));
  const status =
    directory.status === 'loading'
      ? t('home.directory.loading')
      : directory.status === 'failed'
        ? ''
        : all.length === 0
          ? t('home.directory.empty')
          : shown.length === 0
            ? t('home.directory.none')
            : t('home.directory.count', { shown: shown.length, total: all.length });
  return (
    <section class="doctor-directory" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('home.directory.title')}</h2>
      <DirectoryFilters all={all} filters={filters} onChange={setFilters} />
      <p id="directory-status" class="doctor-count" role="status">
        {status}
      </p>
      {directory.status === 'failed' ? (
        <p id="directory-error" class="error" role="alert">
          {t('home.directory.error')}
        </p>
      ) : null}
      <ul id="directory-list" class="grid doctor-cards" aria-labelledby="directory-title">
        {(drawAll ? shown : shown.slice(0, FIRST_CARDS)).map((supporter) => (
          <SupporterCard
            key={supporter.id}
            supporter={supporter}
            confirmed={confirmed(supporter)}
          />
        ))}
      </ul>
    </section>
  );
}
