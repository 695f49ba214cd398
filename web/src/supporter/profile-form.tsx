/**
 * @module
 * The supporter's entry in the directory, editable: name, county (a select
 * of the counties), town, specialties and languages (from the lists),
 * ways to meet, and a few words about them. Only what changed is sent
 * (`PATCH /api/v1/me`), as codes; a stored value that is no code (a legacy
 * `other: …` kept by the vocabulary migration) is shown as it is and kept
 * unless the supporter changes it.
 */
import { useState } from 'preact/hooks';
import { MODALITIES, type Modality } from '../../../src/wire/api.ts';
import { RelayError, type Supporter } from '../api';
import { type MessageKey, t } from '../i18n';
import { Button, Disclosure, Field } from '../ui';
import { ChoiceList } from './choice-list';
import { CountySelect, ModalityChoices } from './profile-fields';
import { call, SessionEnded, updateSupporter } from './session';
import { LANGUAGES, options, SPECIALTIES } from './vocabulary';

const MAX_CHOICES = 12;

interface Draft {
  name: string;
  county: string;
  town: string;
  specialties: string[];
  languages: string[];
  modalities: Modality[];
  about: string;
}

function draftOf(supporter: Supporter): Draft {
  return {
    name: supporter.name,
    county: supporter.county,
    town: supporter.town,
    specialties: [...supporter.specialties],
    languages: [...supporter.languages],
    modalities: [...supporter.modalities],
    about: supporter.about ?? '',
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** The fields that differ from what the relay has. */
function changes(draft: Draft, supporter: Supporter): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  if (draft.name.trim() !== supporter.name) changed.name = draft.name.trim();
  if (draft.county !== supporter.county) changed.county = draft.county;
  if (draft.town.trim() !== supporter.town) changed.town = draft.town.trim();
  if (!sameList(draft.specialties, supporter.specialties)) changed.specialties = draft.specialties;
  if (!sameList(draft.languages, supporter.languages)) changed.languages = draft.languages;
  const modalities = MODALITIES.filter((modality) => draft.modalities.includes(modality));
  if (!sameList(modalities, supporter.modalities)) changed.modalities = modalities;
  if (draft.about.trim() !== (supporter.about ?? '')) changed.about = draft.about.trim();
  return changed;
}

type Problem = 'name' | 'county' | 'town' | 'specialties' | 'languages' | 'modalities';
const PROBLEM_KEYS: Record<Problem, MessageKey> = {
  name: 'join.error.name',
  county: 'join.error.county',
  town: 'join.error.town',
  specialties: 'join.error.specialties',
  languages: 'join.error.languages',
  modalities: 'join.error.modalities',
};

function problems(draft: Draft): Problem[] {
  const found: Problem[] = [];
  if (draft.name.trim() === '') found.push('name');
  if (draft.county === '') found.push('county');
  if (draft.town.trim() === '') found.push('town');
  if (draft.specialties.length > MAX_CHOICES) found.push('specialties');
  if (draft.languages.length === 0 || draft.languages.length > MAX_CHOICES) found.push('languages');
  if (draft.modalities.length === 0) found.push('modalities');
  return found;
}

export function ProfileForm({ supporter }: { supporter: Supporter }) {
  const [draft, setDraft] = useState(() => draftOf(supporter));
  const [errors, setErrors] = useState<Problem[]>([]);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setStatus(null);
  };
  const error = (field: Problem) => (errors.includes(field) ? t(PROBLEM_KEYS[field]) : null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = problems(draft);
    setErrors(found);
    if (found.length > 0) {
      const first = found[0];
      const node = document.getElementById(`profile-${first}`);
      requestAnimationFrame(() =>
        (node instanceof HTMLFieldSetElement
          ? (node.querySelector('input') ?? node)
          : node
        )?.focus(),
      );
      return;
    }
    const changed = changes(draft, supporter);
    if (Object.keys(changed).length === 0) {
      setStatus('supporter.profile.unchanged');
      return;
    }
    setBusy(true);
    try {
      const updated = await call<Supporter>('PATCH', '/api/v1/me', { profile: changed });
      updateSupporter(updated);
      setDraft(draftOf({ ...supporter, ...updated }));
      setStatus('supporter.profile.saved');
    } catch (caught) {
      if (caught instanceof SessionEnded) return;
      setStatus(
        caught instanceof RelayError && caught.code === 'network'
          ? 'error.network'
          : 'supporter.profile.error',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('supporter.profile.heading')}</h2>
      <p>{t('join.profile.hint')}</p>
      <Disclosure summary={t('supporter.profile.edit')}>
        <form
          id="profile-form"
          class="supporter-form"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <Field id="profile-name" label={t('join.name.label')} error={error('name')}>
            {(control) => (
              <input
                {...control}
                type="text"
                autocomplete="name"
                maxLength={100}
                value={draft.name}
                onInput={(event) => set('name', event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="supporter-columns">
            <CountySelect
              id="profile-county"
              value={draft.county}
              error={error('county')}
              onChange={(code) => set('county', code)}
            />
            <Field id="profile-town" label={t('join.town.label')} error={error('town')}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autocomplete="address-level2"
                  maxLength={80}
                  value={draft.town}
                  onInput={(event) => set('town', event.currentTarget.value)}
                />
              )}
            </Field>
          </div>
          <ChoiceList
            id="profile-specialties"
            legend={t('join.specialties.label')}
            hint={t('join.specialties.hint')}
            error={error('specialties')}
            options={options(SPECIALTIES)}
            selected={draft.specialties}
            onChange={(next) => set('specialties', next)}
          />
          <ChoiceList
            id="profile-languages"
            legend={t('join.languages.legend')}
            error={error('languages')}
            options={options(LANGUAGES)}
            selected={draft.languages}
            onChange={(next) => set('languages', next)}
          />
          <ModalityChoices
            id="profile-modalities"
            selected={draft.modalities}
            error={error('modalities')}
            onChange={(next) => set('modalities', next)}
          />
          <Field id="profile-about" label={t('join.about.label')} hint={t('join.about.hint')}>
            {(control) => (
              <textarea
                {...control}
                maxLength={2000}
                rows={4}
                value={draft.about}
                onInput={(event) => set('about', event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <Button type="submit" busy={busy}>
              {t('supporter.profile.save')}
            </Button>
            <span id="profile-status" role="status">
              {status ? t(status) : ''}
            </span>
          </div>
        </form>
      </Disclosure>
    </section>
  );
}
