/**
 * @module
 * English strings of the operator page (`/operator`): `operator.` keys.
 * `{name}` placeholders are filled in by `t()`.
 */
export const operatorEn = {
  'title.operator': 'Operator',
  'operator.title': 'Operator',
  'operator.lead':
    'Delivery health of this relay: what is waiting, how quickly messages reach supporters, and who may need a nudge. Every figure is a count; nothing here shows a message or anything about a doctor.',

  // The directory key (PROTOCOL.md §13)
  'operator.directory.signed':
    'The doctor pages of this build write only to supporters whose directory entry is signed with the directory key:',
  'operator.directory.unsigned.title': 'The directory is not signed',
  'operator.directory.unsigned':
    'These pages were built without a directory key, so they trust each supporter’s key exactly as the relay’s database gives it: whoever can write to the database could put their own key next to a supporter’s name. To close that:',
  'operator.directory.step.key':
    'On your own machine, not the relay, make the signing key (its secret is kept under a passphrase):',
  'operator.directory.step.build': 'Build the pages with the public key it prints:',
  'operator.directory.step.sign':
    'Sign the supporters’ entries, and again whenever one changes name or key:',
  // The token
  'operator.login.title': 'Enter the operator token',
  'operator.login.intro':
    'The relay printed this token when it first started. If it is lost, run npm run operator-token on the server for a new one.',
  'operator.token.label': 'Operator token',
  'operator.token.hint':
    'Kept only in this browser tab, until you close the tab or choose “Forget token”.',
  'operator.token.submit': 'Open the operator page',
  'operator.token.empty': 'Please paste the operator token.',
  'operator.token.wrong': 'The relay did not accept this token. Check it and try again.',
  'operator.token.expired': 'The relay no longer accepts the saved token. Please enter it again.',
  'operator.token.forgotten': 'The token is forgotten. This tab no longer holds it.',
  'operator.loading': 'Loading the figures…',

  // Bar
  'operator.updated': 'Figures as of {time}.',
  'operator.refresh': 'Refresh',
  'operator.refreshed': 'Figures refreshed.',
  'operator.forget': 'Forget token',
  'operator.error.network': 'The relay could not be reached. Check the connection and try again.',
  'operator.error.generic': 'Something went wrong on the relay. Please try again.',
  'operator.error.storage':
    'This browser would not keep the token for the tab, so you will be asked for it again after a reload.',

  // Summary
  'operator.summary.title': 'At a glance',
  'operator.tile.pending': 'Messages waiting',
  'operator.tile.oldest': 'Oldest waiting',
  'operator.tile.median': 'Median time to delivery',
  'operator.tile.p90': '90th percentile time to delivery',
  'operator.tile.deliveryHint': 'From receipt to pick-up, last 30 days',
  'operator.tile.replyRate': 'Reply rate',
  'operator.tile.replyRateHint':
    '{replied} of {delivered} delivered messages answered, last 30 days',
  'operator.tile.failures': 'Failed notifications',
  'operator.tile.failuresHint': 'Last 30 days; {count} channels retrying',
  'operator.tile.purged': 'Purged messages',
  'operator.tile.purgedHint': 'Waiting messages an operator deleted, last 30 days',
  'operator.tile.supporters': 'Active supporters',
  'operator.tile.supportersHint': '{away} away, {inactive} deactivated',
  'operator.tile.database': 'Database size',
  'operator.tile.version': 'Version',
  'operator.tile.uptime': 'Running for',
  'operator.none': 'None',
  'operator.noDeliveries': 'No deliveries yet',
  'operator.unknown': 'Unknown',

  // Durations
  'operator.duration.underHour': 'under an hour',
  'operator.duration.underMinute': 'under a minute',

  // Charts
  'operator.days.title': 'The last 30 days',
  'operator.days.intro':
    'One bar per day, oldest on the left. All three charts share one scale: up to {max} a day.',
  'operator.days.introEmpty': 'Nothing was delivered, replied to or expired in the last 30 days.',
  'operator.series.delivered': 'Delivered',
  'operator.series.expired': 'Expired unread',
  'operator.series.replied': 'Replied',
  'operator.chart.total': '{count} in 30 days',
  'operator.chart.label':
    '{series} per day from {first} to {last}: {total} in all, at most {max} on one day ({day}).',
  'operator.chart.labelEmpty': '{series} per day from {first} to {last}: none.',
  'operator.days.show': 'Show the numbers',
  'operator.days.caption': 'Delivered, expired and replied per day',
  'operator.days.day': 'Day',
  'operator.days.total': 'Total',

  // Notifications
  'operator.notify.title': 'Notifications',
  'operator.notify.summary':
    '{count} notifications or alerts could not be delivered in the last 30 days.',
  'operator.notify.noneRetrying': 'No supporter’s notification channel is failing now.',
  'operator.notify.retrying':
    'These channels failed at their latest try and are retried with growing pauses. A wrong SMTP_URL or a dead webhook shows here.',
  'operator.notify.entry': '{name}, {channel}: {failures} failures in a row, next try {time}',
  'operator.notify.entryNoTime': '{name}, {channel}: {failures} failures in a row',
  'operator.notify.entryOne': '{name}, {channel}: {failures} failure, next try {time}',
  'operator.notify.entryNoTimeOne': '{name}, {channel}: {failures} failure',
  'operator.channel.email': 'e-mail',
  'operator.channel.webhook': 'webhook',
  'operator.unknownSupporter': 'A supporter who has left',

  // Not seen
  'operator.unseen.title': 'Supporters not seen lately',
  'operator.unseen.days': 'Not seen for at least this many days',
  'operator.unseen.show': 'Show',
  'operator.unseen.invalid': 'Please enter a whole number of days from 1 to 365.',
  'operator.unseen.none': 'Every active supporter has been seen in the last {days} days.',
  'operator.unseen.count':
    'Active supporters not seen (logged in, fetched messages or replied) for {days} days or more: {count}.',
  'operator.unseen.entry': '{name}: {days} days, last seen {time}',
  'operator.unseen.entryNever': '{name}: {days} days, never seen since joining',

  // Backlog
  'operator.backlog.title': 'Supporters and their backlog',
  'operator.backlog.hint':
    'Sort by a column with the button in its heading. Deactivated supporters are hidden from doctors and logged out; their messages wait until they return or expire.',
  'operator.backlog.empty': 'No supporters yet. Create an invite below.',
  'operator.col.name': 'Name',
  'operator.col.state': 'State',
  'operator.col.pending': 'Waiting',
  'operator.col.oldest': 'Oldest waiting',
  'operator.col.delivered': 'Delivered, 30 days',
  'operator.col.lastSeen': 'Last seen',
  'operator.col.actions': 'Actions',
  'operator.sorted.ascending': 'Sorted by {column}, ascending.',
  'operator.sorted.descending': 'Sorted by {column}, descending.',
  'operator.state.available': 'Available',
  'operator.state.away': 'Away',
  'operator.state.awayUntil': 'Away until {date}',
  'operator.state.inactive': 'Deactivated',
  'operator.never': 'Never',
  'operator.action.away': 'Mark away',
  'operator.action.available': 'Mark available',
  'operator.action.deactivate': 'Deactivate',
  'operator.action.reactivate': 'Reactivate',
  'operator.action.purge': 'Purge waiting',
  'operator.action.named': '{action}: {name}',
  'operator.action.cancel': 'Cancel',
  'operator.away.legend': 'Mark {name} away',
  'operator.away.until': 'Back on (optional)',
  'operator.away.untilHint':
    'Doctors see the date. Without one, {name} stays away until marked available.',
  'operator.away.save': 'Mark away',
  'operator.away.past': 'Please choose today or a later date, or leave it empty.',
  'operator.purge.legend': 'Purge messages waiting for {name}',
  'operator.purge.hours': 'Received at least this many hours ago',
  'operator.purge.hoursHint':
    'Their encrypted text is deleted for good and their senders see them as expired. For junk that keeps an inbox full; 0 purges every waiting message.',
  'operator.purge.invalid': 'Please enter a whole number of hours from 0 to 8760.',
  'operator.purge.save': 'Purge',
  'operator.deactivate.confirm':
    'Deactivate {name}? They are logged out at once and no longer listed for doctors. Messages to them stay queued until they are reactivated or the messages expire.',
  'operator.deactivate.yes': 'Yes, deactivate',
  'operator.reactivate.confirm':
    'Reactivate {name}? They are listed for doctors again and can log in.',
  'operator.reactivate.yes': 'Yes, reactivate',
  'operator.done.away': '{name} is marked away.',
  'operator.done.awayUntil': '{name} is marked away until {date}.',
  'operator.done.available': '{name} is marked available.',
  'operator.done.deactivated': '{name} is deactivated.',
  'operator.done.reactivated': '{name} is active again.',
  'operator.done.purged': 'Waiting messages for {name} purged: {count}.',
  'operator.error.gone': 'This supporter has left the service. The list is updated.',

  // Invites
  'operator.invite.title': 'Invite a supporter',
  'operator.invite.intro':
    'Each invite link works once. Send it to the new supporter yourself, by a channel you trust. The link is shown only here and now: it is not kept after you leave this page.',
  'operator.invite.note': 'Note (optional)',
  'operator.invite.noteHint': 'Only operators see it, for example “Bergen group, December”.',
  'operator.invite.days': 'Valid for this many days',
  'operator.invite.daysInvalid': 'Please enter a whole number of days from 1 to 365.',
  'operator.invite.create': 'Create invite link',
  'operator.invite.created': 'Invite link created. It works once, until {date}.',
  'operator.invite.link': 'Invite link',
  'operator.invite.linkNoted': 'Invite link ({note})',
  'operator.invite.expires': 'Works once, until {date}.',
  'operator.invite.copy': 'Copy link',
  'operator.invite.copied': 'Copied.',
  'operator.invite.copyFailed': 'Could not copy. The link is selected: copy it with Ctrl+C or ⌘C.',
} as const;
