/**
 * @module
 * English catalogue: the source of every key. Keys are grouped by page
 * (`layout.`, `home.`, `write.`, `mailbox.`, `join.`, `supporter.`, `operator.`,
 * `error.`).
 */
import { doctorEn } from './doctor.en';
import { operatorEn } from './operator.en';
import { supporterEn } from './supporter.en';

const layoutEn = {
  'title.home': 'Peer support for doctors · peer-relay',
  'title.write': 'Write to a peer supporter · peer-relay',
  'title.mailbox': 'Your replies · peer-relay',
  'title.join': 'Join as a peer supporter · peer-relay',
  'title.supporter': 'Supporter inbox · peer-relay',
  'layout.skip': 'Skip to content',
  'layout.brand': 'Peer support for doctors',
  'layout.nav': 'Site',
  'layout.nav.directory': 'Find a supporter',
  'layout.nav.mailbox': 'Read replies',
  'layout.language': 'Language',
  'layout.emergency.label': 'Not an emergency service',
  'layout.emergency.title': 'This is not an emergency service.',
  'layout.emergency.default': 'In an emergency call 113. Out of hours: legevakt 116 117.',
  'layout.emergency.emergency': 'In an emergency call {number}.',
  'layout.emergency.out-of-hours': 'Out of hours: legevakt {number}.',
  'layout.emergency.crisis-line': 'Crisis line: {number}.',
  'layout.footer': 'No account, no cookies, no record. Messages are encrypted on your device.',
  'error.network': 'The relay could not be reached. Check your connection and try again.',
  'error.generic': 'Something went wrong. Nothing was sent. Please try again.',
} as const;

export const en = { ...layoutEn, ...doctorEn, ...supporterEn, ...operatorEn };

export type MessageKey = keyof typeof en;
