/**
 * @module
 * What the doctor is writing on the compose page, held in memory only (no
 * storage, nothing in the address). It lives outside the components, so it
 * survives a language switch and a change of recipient, and is gone when
 * the page is closed.
 */
import { signal } from '@preact/signals';
import type { Modality } from '../../../src/wire/api.ts';
import type { ContactPrefs } from '../protocol';

export const draft = {
  text: signal(''),
  when: signal(''),
  contact: signal(''),
  modalities: signal<readonly Modality[]>([]),
  /** Keep a copy sealed to the doctor's own reply key (PROTOCOL.md §10.1); off unless chosen. */
  keepCopy: signal(false),
};

/** The draft as the envelope takes it, keeping only ways of meeting `offered`. */
export function readDraft(offered: readonly Modality[]): { text: string; prefs?: ContactPrefs } {
  const modalities = offered.filter((m) => draft.modalities.value.includes(m));
  const when = draft.when.value.trim();
  const contact = draft.contact.value.trim();
  const prefs: ContactPrefs = {
    ...(modalities.length > 0 ? { modalities } : {}),
    ...(when ? { when } : {}),
    ...(contact ? { contact } : {}),
  };
  return { text: draft.text.value, ...(Object.keys(prefs).length > 0 ? { prefs } : {}) };
}

/** Empties the draft once it has been sent. */
export function clearDraft(): void {
  draft.text.value = '';
  draft.when.value = '';
  draft.contact.value = '';
  draft.modalities.value = [];
  draft.keepCopy.value = false;
}
