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
import { MODALITIES } from '../../../src/wire/api.ts';
import { RelayError, type Supporter } from '../api';
import { type MessageKey, t } from '../i18n';
import { Button, Disclosure } from '../ui';
import {
  PROFILE_FIELDS,
  type ProfileDraft,
  type ProfileField,
  ProfileFields,
  profileProblems,
} from './profile-fields';
import { call, SessionEnded, updateSupporter } from './session';

function draftOf(supporter: Supporter): ProfileDraft {
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
function changes(draft: ProfileDraft, supporter: Supporter): Record<string, unknown> {
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

export function ProfileForm({ supporter }: { supporter: Supporter }) {
  const [draft, setDraft] = useState(() => draftOf(supporter));
  const [errors, setErrors] = useState<Partial<Record<ProfileField, MessageKey>>>({});
  const [status, setStatus] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setStatus(null);
  };
  const error = (field: ProfileField) => {
    const key = errors[field];
    return key ? t(key) : null;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = profileProblems(draft);
    setErrors(found);
    const first = PROFILE_FIELDS.find((field) => found[field]);
    if (first) {
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
      const code = caught instanceof RelayError ? caught.code : undefined;
      setStatus(
        code === 'network'
          ? 'error.network'
          : code === 'invisible_characters'
            ? 'join.error.invisible'
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
          <ProfileFields prefix="profile" draft={draft} set={set} error={error} />
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
