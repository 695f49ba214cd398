/**
 * @module
 * English strings of the doctor pages: `home.` (what peer support is, the
 * directory), `write.` (compose and the reply code), `mailbox.` (replies and
 * follow-ups) and `doctor.` (shared by all three). `{name}` placeholders are
 * filled in by `t()`.
 */
export const doctorEn = {
  // Shared
  'doctor.available': 'Available',
  'doctor.away.until': 'Away until {date}',
  'doctor.away.open': 'Away for now',
  'doctor.awaySentence.until': '{name} is away until {date}.',
  'doctor.awaySentence.open': '{name} is away for now.',
  'doctor.place': '{town}, {county}',
  'doctor.specialties': 'Specialty',
  'doctor.languages': 'Languages',
  'doctor.modalities': 'Can meet',
  'doctor.fingerprint': 'Key fingerprint',
  'doctor.verify': 'Verify this supporter',
  'doctor.unconfirmed': 'Not yet confirmed by the service',
  'doctor.unconfirmed.text':
    'The service has not yet confirmed this entry, so you cannot write to {name} for now. This protects you from a key that is not theirs. Choose someone else, or try again later.',
  'doctor.keyChanged': 'Key changed on {date}',
  'doctor.modality.in-person': 'in person',
  'doctor.modality.phone': 'by phone',
  'doctor.modality.video': 'by video',
  'doctor.text.count': '{count} of {max} characters',
  'doctor.text.empty': 'Please write a message first.',
  'doctor.text.tooLong': 'The message is {over} characters too long. Please shorten it.',
  'doctor.error.integrity':
    'Part of this page’s code was not the code this service publishes, so it was not run and nothing was sent. Please reload the page. If this message comes back, your connection may have been tampered with: try another network or device.',
  'doctor.error.crypto':
    'Your message could not be encrypted on this device, so nothing was sent. Please reload the page and try again, or try another browser.',
  'doctor.error.tooLong':
    'Your message is too long to send in one piece. Nothing was sent. Please shorten it a little.',
  'doctor.error.away':
    '{name} is away and cannot receive messages just now. Nothing was sent. Please choose another supporter, or try again when they are back.',
  'doctor.error.inboxFull':
    '{name} has many messages waiting just now, so nothing was sent. Another supporter can probably answer you sooner.',
  'doctor.error.notFound':
    '{name} is no longer in the list of supporters, so nothing was sent. Please choose another supporter.',
  'doctor.error.busy':
    'The service is receiving more messages than usual. Nothing was sent. Please try again in a while.',
  'doctor.error.network':
    'The service could not be reached. Check your connection; your message is still here, so you can simply send it again.',
  'doctor.error.pow':
    'The security check could not be completed. Nothing was sent. Please send it again.',
  'doctor.error.unknown':
    'Something went wrong and your message may not have arrived. Please send it again; it will not arrive twice.',

  // Home and directory
  'home.title': 'Talk to a fellow doctor, in confidence',
  'home.lead':
    'For every doctor and medical student going through a hard time. Choose a trained colleague below and write to them here: free, confidential, and you need not say who you are.',
  'home.about.summary': 'What peer support is, and how your privacy is protected',
  'home.is.title': 'What peer support is',
  'home.is.colleague': 'A conversation with a trained colleague who is not your doctor.',
  'home.is.confidential':
    'Confidential. No medical record is made and nothing is registered about you.',
  'home.is.conversations': 'Up to three conversations, free of charge.',
  'home.is.meeting':
    'You meet in person, by phone or by video, at times that suit you, also after working hours.',
  'home.is.choice':
    'You choose the supporter yourself, and you can write to another one at any time.',
  'home.not.title': 'What it is not',
  'home.not.treatment':
    'It is not treatment. The supporter does not become your doctor and writes no prescriptions or sick notes.',
  'home.not.consent':
    'If you and the supporter think formal treatment would help, it only happens with your explicit agreement.',
  'home.not.emergency': 'It is not an emergency service. Replies can take a day or two.',
  'home.privacy.title': 'How your privacy is protected',
  'home.privacy.encrypted':
    'Your message is encrypted on your own device, to the key of the supporter you choose. Only they can read it.',
  'home.privacy.relay':
    'This service keeps only the encrypted message, and only until the supporter has picked it up. Then it is deleted.',
  'home.privacy.account': 'No account, no cookie, no name. Your IP address is not stored.',
  'home.privacy.code':
    'When you send, you get a reply code. You keep it; it is the only way to read the answer.',
  'home.directory.title': 'Find a supporter',
  'home.directory.intro':
    'Some choose a psychiatrist, some someone in their own specialty, some someone far from their own workplace. Choose whoever feels right.',
  'home.directory.loading': 'Loading the list of supporters…',
  'home.directory.error':
    'The list of supporters could not be loaded. Check your connection and reload the page.',
  'home.directory.empty': 'There are no supporters in the list just now.',
  'home.directory.none': 'No supporters match these filters. Try removing one.',
  'home.directory.count': 'Showing {shown} of {total} supporters.',
  'home.filters.title': 'Filter the list',
  'home.filters.private':
    'Filtering happens in your browser. Nothing you choose or type here is sent anywhere.',
  'home.filters.county': 'County',
  'home.filters.specialty': 'Specialty',
  'home.filters.language': 'Language',
  'home.filters.modality': 'Way of meeting',
  'home.filters.any.county': 'Any county',
  'home.filters.any.specialty': 'Any specialty',
  'home.filters.any.language': 'Any language',
  'home.filters.any.modality': 'Any way',
  'home.filters.town': 'Hide supporters in my town',
  'home.filters.townHint':
    'For example if you would rather not meet a colleague from your own hospital.',
  'home.filters.available': 'Available now',
  'home.filters.clear': 'Clear filters',
  'home.write': 'Write to {name}',

  'home.verify.note':
    'This is the fingerprint of {name}’s encryption key. The page you write on computes it again on your device from the key itself; if you talk by phone, {name} can read theirs to you.',
  // Compose
  'write.back': 'Back to the list of supporters',
  'write.heading': 'Write to a peer supporter',
  'write.title': 'Write to {name}',
  'write.loading': 'Loading…',
  'write.missing.noId': 'No supporter was chosen.',
  'write.missing.integrity':
    'Part of this page’s code was not the code this service publishes, so it was not run, and writing is switched off to keep you safe. Please reload the page. If this message comes back, your connection may have been tampered with: try another network or device.',
  'write.missing.notFound':
    'This supporter is not in the list any more. They may have left the service or be taking a break.',
  'write.missing.network':
    'The service could not be reached. Check your connection and reload the page.',
  'write.missing.badKey':
    'We could not check this supporter’s encryption key, so writing to them is switched off to keep you safe. Please choose another supporter.',
  'write.chooseAnother': 'Choose a supporter from the list',
  'write.fingerprint.note':
    'If you talk by phone, you can ask {name} to read their key fingerprint to you. If it is the same as here, your message was encrypted for {name} alone.',
  'write.away.notice':
    '{away} The service does not take messages for supporters who are away, so you may want to choose someone else.',
  'write.away.others': 'Available now',
  'write.away.choose': 'Write to {name} instead',
  'write.away.keep': 'What you have written stays here when you choose someone else.',
  'write.switched': 'You are now writing to {name}. What you wrote is kept.',
  'write.text.label': 'Your message',
  'write.text.hint':
    'Write in your own words. A few lines about how you are and what you would like to talk about is plenty.',
  'write.modalities.legend': 'How would you like to talk? (optional)',
  'write.when.label': 'When suits you? (optional)',
  'write.when.hint': 'For example: weekday evenings after 17.',
  'write.contact.label': 'How can they reach you? (optional)',
  'write.contact.hint':
    'For example: call me on 400 00 000. You can leave this empty and read the answer here with your reply code.',
  'write.sees.title': 'Who sees what',
  'write.sees.supporter.title': '{name} will see',
  'write.sees.supporter':
    'exactly what you write here, including how to reach you if you say. Not your IP address or your e-mail address.',
  'write.sees.relay.title': 'The service sees',
  'write.sees.relay':
    'only that someone wrote to this supporter, the hour it arrived, and its size rounded to 1 KiB. It cannot read your message.',
  'write.confirm.title': 'This supporter is away',
  'write.confirm.text':
    '{away} While they are away, the service will most likely refuse the message. Would you rather choose another supporter?',
  'write.confirm.send': 'Try to send anyway',
  'write.confirm.other': 'Choose another supporter',
  'write.progress': 'Encrypting and sending your message…',
  'write.crypto.preparing': 'Preparing encryption on this device…',
  'write.crypto.network':
    'The encryption part of this page could not be downloaded. Check your connection; your message is still here, and pressing “Encrypt and send” tries again.',
  'write.fingerprint.checking': 'Being computed on this device…',
  'write.fingerprint.unchecked': 'Could not be checked on this device.',
  'write.send': 'Encrypt and send',
  'write.sent.title': 'Your message is on its way',
  'write.sent.announce': 'Your message has been sent. Your reply code is shown below.',
  'write.sent.text':
    '{name} will get it the next time they open their inbox. If they have not picked it up by {date}, it is deleted unread and you can write to someone else.',
  'write.code.title': 'Your reply code',
  'write.code.copy': 'Copy the code',
  'write.code.copied': 'The code has been copied.',
  'write.code.selected': 'The code is selected. Press Ctrl+C (or ⌘C) to copy it.',
  'write.code.download': 'Download as a text file',
  'write.code.file':
    'Reply code for peer support: {code}\n\nEnter it at {url} to read replies.\nKeep it safe: it is the only way to read the answer, and it cannot be recovered.\n',
  'write.code.keep.title': 'Keep this code safe.',
  'write.code.keep':
    'It is the only way to read replies. It is shown only now. We cannot recover it or send it to you again, because we never see it.',
  'write.code.where':
    'Write it down or save it where only you can find it, not on a shared work computer.',
  'write.code.how':
    'To read replies, choose “Read replies” at the top of the page and enter the code. Supporters usually answer within a day or two.',
  'write.code.saved': 'I have saved my reply code',
  'write.code.savedFirst': 'Please save your reply code and tick the box first.',
  'write.code.done': 'Done',

  // Mailbox
  'mailbox.title': 'Your replies',
  'mailbox.lead':
    'Enter the reply code you got when you sent your message. It opens your replies and shows whether your messages have been picked up.',
  'mailbox.code.label': 'Reply code',
  'mailbox.code.hint':
    '24 letters and digits, for example 0410-6105-0R3G-G28A-1C60-T3GF. Upper or lower case, with or without dashes or spaces.',
  'mailbox.code.private':
    'The code stays on this device. Only values made from it are sent, and they cannot be turned back into the code.',
  'mailbox.code.wrong':
    'We could not open a mailbox with this code. Please check that you typed it as you saved it. If your last message was more than 30 days ago, the mailbox may have been deleted.',
  'mailbox.code.empty': 'Please type your reply code first.',
  'mailbox.code.characters':
    'A reply code has only the digits 0 to 9 and the letters A to Z except U. Please check {found}.',
  'mailbox.code.quoted': '“{character}”',
  'mailbox.code.charactersOnly':
    'A reply code has only the digits 0 to 9 and the letters A to Z except U. Please check what you typed.',
  'mailbox.code.length':
    'A reply code has {length} letters and digits (dashes and spaces do not count). This one has {count}. Please check that nothing is missing or extra.',
  'mailbox.open': 'Open my replies',
  'mailbox.loading': 'Opening…',
  'mailbox.opened': 'Your mailbox is open.',
  'mailbox.refreshed': 'Your mailbox has been checked again.',
  'mailbox.forgotten': 'The code has been forgotten on this page.',
  'mailbox.network': 'The service could not be reached. Check your connection and try again.',
  'mailbox.gone': 'This mailbox is no longer there. It may have expired.',
  'mailbox.view.title': 'Your mailbox',
  'mailbox.kept': 'If nothing more happens, this mailbox is kept until {date}.',
  'mailbox.refresh': 'Check again',
  'mailbox.forget': 'Forget the code and close',
  'mailbox.replies.title': 'Replies',
  'mailbox.replies.deleted':
    'You have deleted the replies that were here. A new reply appears here when it comes.',
  'mailbox.replies.none': 'No replies yet. Supporters usually answer within a day or two.',
  'mailbox.reply.from': 'Reply from {name}',
  'mailbox.reply.sent': 'Written {date}',
  'mailbox.reply.fingerprint': 'Key fingerprint of {name}: {fingerprint}',
  'mailbox.reply.left':
    '{name} has left the service, so you cannot write back here. You can choose another supporter from the list.',
  'mailbox.reply.unconfirmed':
    'Not yet confirmed by the service: this reply was opened with a key the service has not confirmed as {name}’s, so it may not come from them. You cannot answer it here.',
  'mailbox.reply.keyChanged':
    'This reply comes from a different key than the one your first message to {name} was sealed to. If you did not expect that, ask {name} by phone to read their key fingerprint to you.',
  'mailbox.reply.unopened.title': 'A reply that could not be opened',
  'mailbox.reply.unopened':
    'This reply did not open with the supporter’s key, so it may not be genuine. It is not shown.',
  'mailbox.followUp.toggle': 'Write back to {name}',
  'mailbox.followUp.label': 'Your message to {name}',
  'mailbox.followUp.sent':
    'Sent. {name} will get it the next time they open their inbox (it is kept for them until {date}).',
  'mailbox.sent.title': 'Messages you have sent',
  'mailbox.sent.to': 'To {name}',
  'mailbox.sent.leftName': 'a supporter who has left',
  'mailbox.sent.at': 'Sent {date}',
  'mailbox.status.queued': 'Waiting',
  'mailbox.status.delivered': 'Delivered',
  'mailbox.status.expired': 'Expired',
  'mailbox.sent.queued':
    'Waiting for {name} to pick it up. It is kept for {left} more, until {date}.',
  'mailbox.sent.delivered': '{name} has picked up your message.',
  'mailbox.sent.expired':
    '{name} did not pick it up in time, so it was deleted unread. You may want to write to another supporter.',
  'mailbox.sent.another': 'Choose another supporter',
  'mailbox.replies.kept':
    'Replies stay here, and are shown each time you enter your code, until you delete them or the mailbox expires.',
  'mailbox.reply.copy': 'Copy',
  'mailbox.reply.copied': 'Copied',
  'mailbox.reply.copyFailed': 'Could not copy. Select the text and copy it instead.',
  'mailbox.conversation.delete': 'Delete this conversation',
  'mailbox.conversation.confirmTitle': 'Delete your conversation with {name}?',
  'mailbox.conversation.confirmText':
    'The replies from {name} are deleted from the service for good and cannot be shown again.',
  'mailbox.conversation.deleted': 'The conversation with {name} has been deleted.',
  'mailbox.delete.confirm': 'Delete',
  'mailbox.delete.cancel': 'Cancel',
  'mailbox.delete.failed':
    'Nothing was deleted: the service could not be reached. Please try again.',
  'mailbox.deleteAll': 'Delete everything for this code',
  'mailbox.deleteAll.confirmTitle': 'Delete everything for this code?',
  'mailbox.deleteAll.confirmText':
    'All replies, any copies you kept and the status of your messages are deleted from the service for good, and the code stops working. Messages you have sent are not taken back: a supporter can still read them.',
  'mailbox.deleteAll.done':
    'Everything for this code has been deleted. The code no longer works. If you write again, your new message gets a new reply code.',
  'write.copy.label': 'Keep a copy of what I write, readable only with my reply code',
  'write.copy.hint':
    'The service stores it encrypted with your mailbox until you delete it or the mailbox expires; anyone with your reply code can read it.',
  'mailbox.own.to': 'You wrote to {name}',
  'mailbox.conversation.copiesStay':
    'Copies you kept of your own messages stay until you delete everything for this code.',
} as const;
