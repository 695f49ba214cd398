/**
 * @module
 * The page chrome's messages in English (header, footer, emergency notice,
 * tab titles, times): every page carries these; a role's own are in
 * `<role>.en.ts`.
 */
export const layoutEn = {
  'title.home': 'Find a peer supporter',
  'title.write': 'Write to a peer supporter',
  'title.mailbox': 'Your replies',
  'title.join': 'Join as a peer supporter',
  'title.supporter': 'Your supporter inbox',
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
  'layout.nav.supporter': 'Supporters',
  'layout.nav.inbox': 'Inbox',
  'layout.nav.operator': 'Operator',
  'layout.brand.supporter': 'Peer support for doctors · for supporters',
  'layout.brand.operator': 'Peer support for doctors · operator',
  'layout.footer.supporter':
    'Messages are opened only on your device, with your passphrase. The relay keeps no copy once you have them.',
  'layout.footer.operator':
    'Operators see delivery health and nothing else: no names of doctors, no messages.',
  'layout.noscript': 'This page needs JavaScript: messages are encrypted in your browser.',
  'time.hourRange': '{date}, between {from} and {to}',
  'time.left.days': '{count} days',
  'time.left.hours': '{count} hours',
  'time.left.soon': 'less than an hour',
  'error.network': 'The relay could not be reached. Check your connection and try again.',
  'error.generic': 'Something went wrong. Nothing was sent. Please try again.',
} as const;
