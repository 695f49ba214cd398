/**
 * @module
 * The reply template: a first answer that explains the framework of peer
 * support in plain words (a colleague, not treatment; confidential; no
 * record; up to three conversations) and asks the supporter to suggest a
 * time. Doctors in the interview study valued exactly this short, clear
 * explanation and a quick proposal of when to talk.
 *
 * The supporter edits the text freely; the one thing they must touch is the
 * bracketed placeholder for the time, which {@link hasPlaceholder} catches
 * before anything is sent.
 */

import { t } from '../i18n';
import { supporterEn } from '../i18n/supporter.en';
import { supporterNb } from '../i18n/supporter.nb';
import type { ContactPrefs } from '../protocol';
import { formatList } from '../ui/format';

const MODALITY_PHRASES = {
  'in-person': 'supporter.template.way.in-person',
  phone: 'supporter.template.way.phone',
  video: 'supporter.template.way.video',
} as const;

/** The template in the current language, for a supporter called `name`. */
export function replyTemplate(name: string, prefs: ContactPrefs | undefined): string {
  const ways = (prefs?.modalities ?? []).map((modality) => t(MODALITY_PHRASES[modality]));
  return [
    t('supporter.template.greeting', { name }),
    t('supporter.template.framework'),
    ways.length > 0
      ? t('supporter.template.meetingPreferred', { ways: formatList(ways, 'disjunction') })
      : t('supporter.template.meetingOpen'),
    t('supporter.template.suggest', { placeholder: t('supporter.template.placeholder') }),
    t('supporter.template.closing', { name }),
  ].join('\n\n');
}

/** Whether `text` still holds the time placeholder, in either language. */
export function hasPlaceholder(text: string): boolean {
  return [
    supporterEn['supporter.template.placeholder'],
    supporterNb['supporter.template.placeholder'],
  ].some((placeholder) => text.includes(placeholder));
}
