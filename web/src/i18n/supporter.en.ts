/** @module English strings of the supporter pages (keys prefixed by page name). */
export const supporterEn = {
  // ---- Join (/supporter/join) ----
  'join.heading': 'Join as a peer supporter',
  'join.lead':
    'You have been invited to answer doctors who seek peer support. Fill in your entry for the directory and choose a passphrase. Your key is made here, in this browser.',
  'join.noInvite':
    'This page needs the invite link you were sent. Open the link exactly as you received it, or ask the operator for a new one.',
  'join.account.legend': 'Your login',
  'join.login.label': 'Login name',
  'join.login.hint':
    '3 to 64 letters or digits; you may also use . _ @ + and -. Only you and the relay see it.',
  'join.email.label': 'E-mail for notifications (optional)',
  'join.email.hint':
    'Only ever to say that a message is waiting, never who wrote or what. You turn e-mail notifications on in your inbox. Leave it empty if you prefer to check yourself.',
  'join.profile.legend': 'Your entry in the directory',
  'join.profile.hint': 'Doctors see this when they choose whom to write to.',
  'join.name.label': 'Name',
  'join.county.label': 'County',
  'join.town.label': 'Town',
  'join.specialties.label': 'Specialties',
  'join.specialties.hint': 'Choose up to 12.',
  'join.specialties.add': 'Add',
  'join.specialties.remove': 'Remove {item}',
  'join.languages.legend': 'Languages you can talk in',
  'join.language.nb': 'Norwegian',
  'join.language.en': 'English',
  'join.language.sv': 'Swedish',
  'join.language.da': 'Danish',
  'join.language.de': 'German',
  'join.language.fr': 'French',
  'join.language.es': 'Spanish',
  'join.language.pl': 'Polish',
  'join.otherLanguages.label': 'Other languages (optional)',
  'join.otherLanguages.hint': 'Separate them with commas.',
  'join.modalities.legend': 'Ways you can meet',
  'join.about.label': 'About you (optional)',
  'join.about.hint':
    'A few plain sentences: your work, and what you can offer as a peer supporter.',
  'join.passphrase.legend': 'Your passphrase',
  'join.passphrase.intro':
    'Your passphrase protects the key that opens messages to you. Nobody can reset it: if you lose it, the operator must invite you again, and messages still waiting for you cannot be read. Several random words are both strong and easy to remember.',
  'join.passphrase.label': 'Passphrase',
  'join.passphrase.show': 'Show passphrase',
  'join.strength.empty': 'Choose a passphrase of at least five words, or let the page suggest one.',
  'join.strength.level0': 'Very weak.',
  'join.strength.level1': 'Weak.',
  'join.strength.level2': 'Not strong enough yet.',
  'join.strength.level3': 'Strong.',
  'join.strength.level4': 'Very strong.',
  'join.strength.weak': 'About {bits} bits of guesswork; at least 60 are needed.',
  'join.strength.good': 'About {bits} bits of guesswork. Good.',
  'join.strength.problem.empty': 'The passphrase is empty.',
  'join.strength.problem.short':
    'Too easy to guess. Use five or more words that do not belong together, or let the page suggest a passphrase.',
  'join.strength.problem.common':
    'It contains a well-known password or phrase, such as "password123". Those are guessed first.',
  'join.strength.problem.personal':
    'It contains your login, name, e-mail or town. Those are guessed first.',
  'join.strength.problem.repeated': 'It repeats words or characters.',
  'join.strength.problem.sequence': 'It contains a simple sequence such as "1234" or "qwerty".',
  'join.suggest': 'Suggest a passphrase',
  'join.suggestion.intro': 'Suggested passphrase ({count} words chosen at random in this browser):',
  'join.suggestion.hint':
    'Write it on paper or keep it in a password manager. Press “Use this passphrase” to put it in both fields, or press “Suggest” again for another one.',
  'join.suggestion.announce':
    'A passphrase has been suggested and is shown below the button, with a button to use it.',
  'join.suggestion.use': 'Use this passphrase',
  'join.suggestion.used': 'The suggested passphrase is now in both passphrase fields.',
  'join.county.choose': 'Choose a county',
  'join.choice.filter': 'Find in the list: {list}',
  'join.choice.noMatch': 'Nothing in the list matches. Try fewer letters.',
  'join.choice.count': '{count} chosen.',
  'join.invite.checking': 'Checking your invite…',
  'join.invite.validUntil': 'Your invite can be used until {time}.',
  'join.invite.used': 'This invite has already been used. An invite works only once.',
  'join.invite.expired': 'This invite has expired. Invites work only for a limited time.',
  'join.invite.unknown':
    'This invite is not known to the relay. The link may be incomplete or mistyped.',
  'join.invite.whatToDo': 'Please ask the operator who invited you for a new invite link.',
  'join.confirm.label': 'Type the passphrase again',
  'join.submit': 'Create my account',
  'join.progress.check': 'Checking that this browser encrypts correctly…',
  'join.progress.keys': 'Making your key…',
  'join.progress.vault': 'Protecting your key with your passphrase. This takes a few seconds…',
  'join.progress.register': 'Registering…',
  'join.error.login':
    'Choose a login of 3 to 64 characters: letters, digits, and . _ @ + or - only.',
  'join.error.email': 'This e-mail address does not look complete. Check it, or leave it empty.',
  'join.error.name': 'Please write your name.',
  'join.error.county': 'Please choose your county.',
  'join.error.town': 'Please write your town.',
  'join.error.specialties': 'Please list at most 12 specialties.',
  'join.error.languages': 'Choose at least one language (at most 12 in all).',
  'join.error.modalities': 'Choose at least one way to meet.',
  'join.error.weak':
    'This passphrase is too easy to guess. See the advice above, or use a suggested one.',
  'join.error.confirm': 'The two passphrases are not the same. Please type it again.',
  'join.error.argon2':
    'This browser does not compute the passphrase protection correctly, so your key cannot be kept safe here. Please use another browser, such as a current Firefox, Chrome, Edge or Safari.',
  'join.error.inviteUsed':
    'This invite has already been used. Each invite works once. Please ask the operator for a new one; everything you filled in is still here.',
  'join.error.inviteExpired':
    'This invite has expired. Please ask the operator for a new one; everything you filled in is still here.',
  'join.error.inviteUnknown':
    'This invite link is not known here. Check that you opened the whole link, or ask the operator for a new one.',
  'join.error.loginTaken': 'That login is already taken. Please choose another one and try again.',
  'join.error.loginTakenField': 'This login is taken. Please choose another.',
  'join.error.invalid': 'Some details were not accepted. Please check the form and try again.',
  'join.error.invisible':
    'Your name, town or text holds an invisible character (often pasted along with the text). Please type it again by hand.',
  'join.error.busy': 'The relay is busy. Please wait a minute and try again.',
  'join.error.generic': 'Something went wrong. Your details are still here; please try again.',
  'join.done.heading': 'Welcome. You have joined.',
  'join.done.listed': 'Your entry is now in the directory, and doctors can write to you.',
  'join.done.fingerprint': 'Your key fingerprint',
  'join.done.fingerprintHint':
    'A doctor may ask you to read these digits aloud, to be sure that messages reach you and nobody else. You also find them in your inbox.',
  'join.done.next': 'Next steps',
  'join.done.step1':
    'Log in to your inbox with your login and passphrase. Any browser works; nothing is stored on this one.',
  'join.done.step2':
    'When you are unavailable, set yourself as away in the inbox. Doctors then see that you are away and write to someone else.',
  'join.done.step3': 'Keep your passphrase safe. Nobody can reset it for you.',
  'join.done.inbox': 'Go to your inbox',

  // ---- Inbox (/supporter) ----
  'supporter.heading': 'Supporter inbox',
  'supporter.modality.in-person': 'In person',
  'supporter.modality.phone': 'Phone',
  'supporter.modality.video': 'Video',
  'supporter.cancel': 'Cancel',
  'supporter.login.heading': 'Log in',
  'supporter.login.intro':
    'Messages to you are opened here, in this browser, with your passphrase. The relay cannot read them.',
  'supporter.login.login': 'Login name',
  'supporter.login.passphrase': 'Passphrase',
  'supporter.login.memoryOnly':
    'You stay logged in only while this page is open. Reloading or closing it logs you out, so nothing readable is left behind.',
  'supporter.login.submit': 'Log in',
  'supporter.login.loggedOut': 'You have logged out. Nothing readable is left on this page.',
  'supporter.login.sessionEnded': 'Your session has ended. Please log in again.',
  'supporter.login.error.missing': 'Please fill in both your login name and your passphrase.',
  'supporter.login.error.credentials':
    'Login or passphrase not correct. Please check both and try again.',
  'supporter.login.error.inactive':
    'Your account has been paused by the operator. Please contact them.',
  'supporter.login.error.argon2':
    'This browser does not compute the passphrase protection correctly, so your key cannot be opened safely here. Please use another browser.',
  'supporter.login.error.parameters':
    'The relay sent unsafe login settings, so your passphrase was not used. Please contact the operator.',
  'supporter.login.error.keyMismatch':
    'Your key does not match the one in the directory. Please contact the operator before you answer anyone.',
  'supporter.login.error.generic': 'Something went wrong while logging in. Please try again.',
  'supporter.progress.check': 'Checking that this browser encrypts correctly…',
  'supporter.progress.derive':
    'Working out your keys from the passphrase. This takes a few seconds…',
  'supporter.progress.proof':
    'This login had several wrong attempts in the last hour, so the relay asks this browser for some extra work first. This can take a little while…',
  'supporter.progress.unlock': 'Opening your key…',
  'supporter.me.heading': 'You',
  'supporter.me.name': 'Logged in as {name}.',
  'supporter.me.fingerprint': 'Your key fingerprint:',
  'supporter.logout': 'Log out',
  'supporter.memoryNote':
    'Reloading or closing this page logs you out. Your conversations are kept encrypted with your key, in your archive on the relay and in this browser, so every browser you log in from shows them.',
  'supporter.conversations.heading': 'Conversations',
  'supporter.conversations.none': 'No conversations yet. New messages appear here.',
  'supporter.refresh': 'Check for new messages',
  'supporter.inbox.checking': 'Checking for new messages…',
  'supporter.inbox.noneNew': 'No new messages.',
  'supporter.inbox.newCount': 'New messages: {count}.',
  'supporter.inbox.failed': 'New messages could not be fetched. Please try again.',
  'supporter.warning.noStore':
    'This browser does not let the page keep a copy of your conversations (perhaps a private window). They are still kept, encrypted, in your archive on the relay.',
  'supporter.warning.notSaved':
    'Something could not be stored in your encrypted archive on the relay. New messages were left in your inbox and are fetched again at the next check; a reply you sent is stored then.',
  'supporter.warning.archiveFull':
    'Your archive on the relay is full. New messages stay in your inbox until you delete older conversations.',
  'supporter.warning.archiveUnreachable':
    'Your archive on the relay could not be read. This shows what this browser kept; conversations from your other browsers appear at the next check.',
  'supporter.unopenable.heading': 'Messages that could not be opened',
  'supporter.unopenable.intro':
    'These were not written for your current key: junk, or sealed to a key you no longer have. Nobody can read them here. They are discarded at the next check.',
  'supporter.unopenable.item': 'Arrived {time}',
  'supporter.unopenable.discard': 'Discard',
  'supporter.unopenable.discardAll': 'Discard all',
  'supporter.unopenable.discarded': 'Discarded.',
  'supporter.unopenable.failed':
    'They could not be discarded: the relay did not answer. Please try again.',
  'supporter.conversation.deleteFailed':
    'The conversation could not be deleted: the relay did not answer. Please try again.',
  'supporter.storage.notStored':
    'Set to {days} days in this browser. Your archive on the relay could not be updated; please try again.',
  'supporter.storage.deleteFailed':
    'Nothing was deleted: the relay did not answer. Please try again.',
  'supporter.conversation.title': 'Conversation begun {date}',
  'supporter.conversation.count': 'Messages in this conversation: {count}',
  'supporter.conversation.unsaved':
    'Part of this conversation is not yet in your encrypted archive on the relay, so only this browser has it. It is stored at the next check.',
  'supporter.conversation.delete': 'Delete conversation',
  'supporter.conversation.deleteConfirm':
    'Delete this conversation from your archive and from this browser? This cannot be undone.',
  'supporter.conversation.deleteYes': 'Yes, delete it',
  'supporter.conversation.deleted': 'The conversation has been deleted.',
  'supporter.prefs.modalities': 'Would like to talk',
  'supporter.prefs.noModalities': 'No preference given',
  'supporter.prefs.when': 'Times that suit them',
  'supporter.prefs.noWhen': 'Not given',
  'supporter.prefs.contact': 'Contact detail',
  'supporter.prefs.noContact': 'None given: answer here with a reply',
  'supporter.entry.firstContact': 'First message',
  'supporter.entry.followUp': 'Follow-up',
  'supporter.entry.yourReply': 'Your reply',
  'supporter.entry.written': '· written {time}',
  'supporter.entry.received': '· reached the relay {time}',
  'supporter.entry.sent': '· sent {time}',
  'supporter.entry.new': 'New',
  'supporter.reply.open': 'Reply',
  'supporter.reply.label': 'Your reply',
  'supporter.reply.hint':
    'The text starts from a template that explains what peer support is. Change it as you like, and replace the words in square brackets with a time you can offer.',
  'supporter.reply.send': 'Send reply',
  'supporter.reply.sending': 'Sending…',
  'supporter.reply.sentAnnounce': 'Your reply has been sent.',
  'supporter.reply.error.empty': 'Please write a reply first.',
  'supporter.reply.error.placeholder':
    'Please replace the words in square brackets with a day and time you can offer, or remove them.',
  'supporter.reply.error.long': 'The reply is too long. Please shorten it.',
  'supporter.reply.error.mailboxGone':
    'This doctor’s mailbox no longer exists, so the reply cannot be delivered. Mailboxes are deleted 30 days after their last use.',
  'supporter.reply.error.mailboxFull':
    'This doctor has not yet read your earlier replies, and their mailbox holds as many as it can. Please wait until they have read them.',
  'supporter.reply.error.generic': 'The reply could not be sent. Please try again.',
  'supporter.template.greeting':
    'Thank you for writing to me. I am {name}, a doctor and a trained peer supporter.',
  'supporter.template.framework':
    'This is support from a colleague, not treatment: I will not be your doctor, and nothing is written in any medical record. What you tell me stays between us. We can have up to three conversations.',
  'supporter.template.meetingPreferred': 'You would like to talk {ways}.',
  'supporter.template.meetingOpen':
    'We can meet in person, or talk by phone or by video, whichever suits you best.',
  'supporter.template.suggest': 'Would {placeholder} suit you? If not, just tell me what would.',
  'supporter.template.placeholder': '[write a day and time]',
  'supporter.template.closing': 'Warm regards,\n{name}',
  'supporter.template.way.in-person': 'in person',
  'supporter.template.way.phone': 'by phone',
  'supporter.template.way.video': 'by video',
  'supporter.profile.heading': 'Your entry in the directory',
  'supporter.profile.edit': 'Change your entry',
  'supporter.profile.save': 'Save my entry',
  'supporter.profile.saved': 'Saved. Doctors now see your entry as it is here.',
  'supporter.profile.unchanged': 'Nothing has changed, so nothing was sent.',
  'supporter.profile.error': 'Your entry could not be saved. Please check it and try again.',
  'supporter.passphrase.heading': 'Your passphrase',
  'supporter.passphrase.open': 'Change your passphrase',
  'supporter.passphrase.intro':
    'Your key stays the same, so doctors and the conversations kept in this browser are not affected. Other browsers where you are logged in are logged out.',
  'supporter.passphrase.current': 'Your current passphrase',
  'supporter.passphrase.new': 'Your new passphrase',
  'supporter.passphrase.submit': 'Change my passphrase',
  'supporter.passphrase.progress.check': 'Checking your current passphrase…',
  'supporter.passphrase.progress.lock':
    'Protecting your key with the new passphrase. This takes a few seconds…',
  'supporter.passphrase.done': 'Your passphrase has been changed. Use the new one from now on.',
  'supporter.passphrase.error.currentMissing': 'Please type your current passphrase.',
  'supporter.passphrase.error.current':
    'That is not your current passphrase. Please check it and try again.',
  'supporter.passphrase.error.generic':
    'Your passphrase could not be changed. The old one still works; please try again.',
  'supporter.notify.heading': 'Notifications',
  'supporter.notify.intro':
    'The relay can tell you that a message is waiting. It never says who wrote or what.',
  'supporter.notify.email': 'E-mail address (optional)',
  'supporter.notify.emailHint':
    'The relay writes only that a message is waiting, never who wrote or what.',
  'supporter.notify.byEmail': 'E-mail me when a message is waiting',
  'supporter.notify.webhookSummary': 'Or notify a web address of your own (webhook)',
  'supporter.notify.webhook': 'Webhook address (optional)',
  'supporter.notify.webhookHint':
    'An https:// address. The relay sends it a short request with no content when a message is waiting. Leave it empty for none.',
  'supporter.notify.save': 'Save notifications',
  'supporter.notify.saved': 'Saved.',
  'supporter.notify.error.unavailable':
    'This relay does not send e-mail. Use a webhook instead, or check the inbox yourself.',
  'supporter.notify.error.missing': 'Add your e-mail address to be notified by e-mail.',
  'supporter.notify.error.webhookNotPublic':
    'This address is on this machine or a private network, which the relay does not post to. Use the public address of your notification service.',
  'supporter.notify.error.webhook':
    'The webhook address must start with https:// and must not hold a user name or password.',
  'supporter.notify.error.load':
    'Your notification settings could not be read. Reload the page to try again.',
  'supporter.notify.error.generic': 'Your notifications could not be saved. Please try again.',
  'supporter.leave.heading': 'Leaving the service',
  'supporter.leave.intro':
    'If you no longer want to be a peer supporter, you can leave. Your login, e-mail and key are erased from the relay, and your entry disappears from the directory. Messages still waiting for you can then never be read. Being away for a while is usually the better choice.',
  'supporter.leave.button': 'Leave the service',
  'supporter.leave.confirmTitle': 'Leave the service for good?',
  'supporter.leave.confirm':
    'This cannot be undone. To come back, you would need a new invite from the operator. The conversations kept in this browser are deleted too.',
  'supporter.leave.yes': 'Yes, leave for good',
  'supporter.leave.done':
    'You have left the service. Your account is erased. Thank you for your help.',
  'supporter.leave.error': 'Leaving did not work. Nothing was erased; please try again.',
  'supporter.availability.heading': 'Your availability',
  'supporter.availability.currentAvailable':
    'You are shown as available. Doctors can write to you.',
  'supporter.availability.currentAway':
    'You are shown as away. Doctors cannot write to you until you change this.',
  'supporter.availability.currentAwayUntil':
    'You are shown as away until {time}. Doctors can write to you again from then.',
  'supporter.availability.legend': 'Can doctors write to you now?',
  'supporter.availability.available': 'Yes, I am available',
  'supporter.availability.away': 'No, I am away',
  'supporter.availability.until': 'Back from (optional)',
  'supporter.availability.untilHint':
    'Doctors see when you expect to answer again. While you are away they cannot send you new messages, so nobody waits in vain.',
  'supporter.availability.save': 'Save availability',
  'supporter.availability.saved': 'Saved.',
  'supporter.availability.error.past': 'Please choose a time in the future, or leave it empty.',
  'supporter.availability.error.generic': 'Your availability could not be saved. Please try again.',
  'supporter.storage.heading': 'Keeping conversations',
  'supporter.storage.intro':
    'Opened messages and your replies are kept in your archive on the relay, encrypted with your key so that the relay cannot read them, and every browser you log in from shows the same conversations. This browser keeps an encrypted copy too. A conversation is deleted when nothing has happened in it for the number of days you choose.',
  'supporter.storage.days': 'Delete conversations after this many days without activity',
  'supporter.storage.save': 'Save',
  'supporter.storage.saved': 'Saved: {days} days.',
  'supporter.storage.invalid': 'Please choose a whole number of days from 1 to 90.',
  'supporter.storage.deleteAll': 'Delete all conversations now',
  'supporter.storage.deleteAllConfirm':
    'Delete every conversation, from your archive on the relay and from this browser? This cannot be undone.',
  'supporter.storage.deleteAllYes': 'Yes, delete all',
  'supporter.storage.deletedAll': 'All conversations have been deleted.',
  'supporter.counts.heading': 'First contacts per month',
  'supporter.counts.intro':
    'How many new conversations doctors began with you each month. These are counts only: nothing in them links to a doctor, a message or a conversation.',
  'supporter.counts.caption': 'First contacts per month, most recent first',
  'supporter.counts.month': 'Month',
  'supporter.counts.number': 'Number',
  'supporter.counts.none': 'No counts yet.',
  'supporter.counts.loading': 'Loading the counts…',
  'supporter.counts.failed': 'The counts could not be loaded. Please try again later.',
  'supporter.counts.export': 'Export (CSV)',
  'supporter.counts.exported': 'The file has been downloaded.',
  'supporter.counts.exportFailed': 'The file could not be downloaded. Please try again.',
} as const;
