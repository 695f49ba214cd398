/** @module Norsk bokmål strings of the supporter pages: every key of `supporter.en.ts`. */
import type { supporterEn } from './supporter.en';

export const supporterNb: Record<keyof typeof supporterEn, string> = {
  // ---- Bli med (/supporter/join) ----
  'join.heading': 'Bli støttekollega',
  'join.lead':
    'Du er invitert til å svare leger som søker kollegastøtte. Fyll ut oppføringen din i oversikten og velg en passordfrase. Nøkkelen din lages her, i denne nettleseren.',
  'join.noInvite':
    'Denne siden trenger invitasjonslenken du fikk. Åpne lenken nøyaktig slik du mottok den, eller be operatøren om en ny.',
  'join.account.legend': 'Innloggingen din',
  'join.login.label': 'Brukernavn',
  'join.login.hint':
    '3 til 64 bokstaver eller sifre; du kan også bruke . _ @ + og -. Bare du og tjenesten ser det.',
  'join.email.label': 'E-post for varsler (valgfritt)',
  'join.email.hint':
    'Bare for å si at en melding venter, aldri hvem som skrev eller hva. Du slår på varsel på e-post i innboksen. La feltet stå tomt hvis du heller vil sjekke selv.',
  'join.profile.legend': 'Oppføringen din i oversikten',
  'join.profile.hint': 'Dette ser legene når de velger hvem de vil skrive til.',
  'join.name.label': 'Navn',
  'join.county.label': 'Fylke',
  'join.town.label': 'Sted',
  'join.specialties.label': 'Spesialiteter',
  'join.specialties.hint': 'Velg inntil 12.',
  'join.specialties.add': 'Legg til',
  'join.specialties.remove': 'Fjern {item}',
  'join.languages.legend': 'Språk du kan snakke på',
  'join.language.nb': 'Norsk',
  'join.language.en': 'Engelsk',
  'join.language.sv': 'Svensk',
  'join.language.da': 'Dansk',
  'join.language.de': 'Tysk',
  'join.language.fr': 'Fransk',
  'join.language.es': 'Spansk',
  'join.language.pl': 'Polsk',
  'join.otherLanguages.label': 'Andre språk (valgfritt)',
  'join.otherLanguages.hint': 'Skill dem med komma.',
  'join.modalities.legend': 'Hvordan du kan møtes',
  'join.about.label': 'Om deg (valgfritt)',
  'join.about.hint':
    'Noen enkle setninger: hva du jobber med, og hva du kan tilby som støttekollega.',
  'join.passphrase.legend': 'Passordfrasen din',
  'join.passphrase.intro':
    'Passordfrasen beskytter nøkkelen som åpner meldinger til deg. Ingen kan tilbakestille den: Mister du den, må operatøren invitere deg på nytt, og meldinger som venter på deg, kan ikke leses. Flere tilfeldige ord er både sterkt og lett å huske.',
  'join.passphrase.label': 'Passordfrase',
  'join.passphrase.show': 'Vis passordfrasen',
  'join.strength.empty': 'Velg en passordfrase på minst fem ord, eller la siden foreslå en.',
  'join.strength.level0': 'Svært svak.',
  'join.strength.level1': 'Svak.',
  'join.strength.level2': 'Ikke sterk nok ennå.',
  'join.strength.level3': 'Sterk.',
  'join.strength.level4': 'Svært sterk.',
  'join.strength.weak': 'Omtrent {bits} bit å gjette; minst 60 trengs.',
  'join.strength.good': 'Omtrent {bits} bit å gjette. Bra.',
  'join.strength.problem.empty': 'Passordfrasen er tom.',
  'join.strength.problem.short':
    'For lett å gjette. Bruk fem eller flere ord som ikke hører sammen, eller la siden foreslå en passordfrase.',
  'join.strength.problem.common':
    'Den inneholder et kjent passord eller uttrykk, for eksempel «passord123». Slike gjettes først.',
  'join.strength.problem.personal':
    'Den inneholder brukernavnet, navnet, e-postadressen eller stedet ditt. Slikt gjettes først.',
  'join.strength.problem.repeated': 'Den gjentar ord eller tegn.',
  'join.strength.problem.sequence': 'Den inneholder en enkel rekke, som «1234» eller «qwerty».',
  'join.suggest': 'Foreslå en passordfrase',
  'join.suggestion.intro':
    'Forslag til passordfrase ({count} ord trukket tilfeldig i denne nettleseren):',
  'join.suggestion.hint':
    'Skriv den ned på papir eller lagre den i en passordbehandler. Trykk «Bruk denne passordfrasen» for å fylle den inn i begge feltene, eller trykk «Foreslå» igjen for et nytt forslag.',
  'join.suggestion.announce':
    'En passordfrase er foreslått og vises under knappen, med en knapp for å bruke den.',
  'join.suggestion.use': 'Bruk denne passordfrasen',
  'join.suggestion.used': 'Den foreslåtte passordfrasen står nå i begge feltene for passordfrase.',
  'join.county.choose': 'Velg fylke',
  'join.choice.filter': 'Søk i listen: {list}',
  'join.choice.noMatch': 'Ingenting i listen passer. Prøv færre bokstaver.',
  'join.choice.count': '{count} valgt.',
  'join.invite.checking': 'Sjekker invitasjonen din …',
  'join.invite.validUntil': 'Invitasjonen din kan brukes til {time}.',
  'join.invite.used': 'Denne invitasjonen er allerede brukt. En invitasjon virker bare én gang.',
  'join.invite.expired': 'Denne invitasjonen er utløpt. Invitasjoner virker bare en begrenset tid.',
  'join.invite.unknown':
    'Reléet kjenner ikke denne invitasjonen. Lenken kan være ufullstendig eller feilskrevet.',
  'join.invite.whatToDo': 'Be operatøren som inviterte deg, om en ny invitasjonslenke.',
  'join.confirm.label': 'Skriv passordfrasen på nytt',
  'join.submit': 'Opprett kontoen min',
  'join.progress.check': 'Sjekker at nettleseren krypterer riktig …',
  'join.progress.keys': 'Lager nøkkelen din …',
  'join.progress.vault': 'Beskytter nøkkelen med passordfrasen. Dette tar noen sekunder …',
  'join.progress.register': 'Registrerer …',
  'join.error.login':
    'Velg et brukernavn på 3 til 64 tegn: bare bokstaver, sifre og . _ @ + eller -.',
  'join.error.email':
    'E-postadressen ser ikke fullstendig ut. Sjekk den, eller la feltet stå tomt.',
  'join.error.name': 'Skriv navnet ditt.',
  'join.error.county': 'Velg fylket ditt.',
  'join.error.town': 'Skriv stedet ditt.',
  'join.error.specialties': 'Før opp høyst 12 spesialiteter.',
  'join.error.languages': 'Velg minst ett språk (høyst 12 i alt).',
  'join.error.modalities': 'Velg minst én måte å møtes på.',
  'join.error.weak':
    'Denne passordfrasen er for lett å gjette. Se rådene ovenfor, eller bruk et forslag.',
  'join.error.confirm': 'De to passordfrasene er ikke like. Skriv den inn på nytt.',
  'join.error.argon2':
    'Denne nettleseren regner ikke ut beskyttelsen av passordfrasen riktig, så nøkkelen din kan ikke holdes trygg her. Bruk en annen nettleser, for eksempel en oppdatert Firefox, Chrome, Edge eller Safari.',
  'join.error.inviteUsed':
    'Denne invitasjonen er allerede brukt. Hver invitasjon virker bare én gang. Be operatøren om en ny; alt du har fylt ut, står her fortsatt.',
  'join.error.inviteExpired':
    'Denne invitasjonen har gått ut. Be operatøren om en ny; alt du har fylt ut, står her fortsatt.',
  'join.error.inviteUnknown':
    'Denne invitasjonslenken er ukjent her. Sjekk at du åpnet hele lenken, eller be operatøren om en ny.',
  'join.error.loginTaken': 'Brukernavnet er allerede tatt. Velg et annet og prøv igjen.',
  'join.error.loginTakenField': 'Dette brukernavnet er tatt. Velg et annet.',
  'join.error.invalid': 'Noen av opplysningene ble ikke godtatt. Se over skjemaet og prøv igjen.',
  'join.error.invisible':
    'Navnet, stedet eller teksten inneholder et usynlig tegn (ofte med når tekst limes inn). Skriv det inn på nytt for hånd.',
  'join.error.busy': 'Tjenesten er opptatt. Vent et minutt og prøv igjen.',
  'join.error.generic': 'Noe gikk galt. Opplysningene dine står her fortsatt; prøv igjen.',
  'join.done.heading': 'Velkommen. Du er med.',
  'join.done.listed': 'Oppføringen din ligger nå i oversikten, og leger kan skrive til deg.',
  'join.done.fingerprint': 'Fingeravtrykket til nøkkelen din',
  'join.done.fingerprintHint':
    'En lege kan be deg lese opp disse sifrene, for å være sikker på at meldinger når deg og ingen andre. Du finner dem også i innboksen.',
  'join.done.next': 'Neste steg',
  'join.done.step1':
    'Logg inn i innboksen med brukernavnet og passordfrasen din. Alle nettlesere går an; ingenting lagres i denne.',
  'join.done.step2':
    'Når du ikke er tilgjengelig, setter du deg som borte i innboksen. Da ser legene at du er borte, og skriver til en annen.',
  'join.done.step3': 'Ta godt vare på passordfrasen. Ingen kan tilbakestille den for deg.',
  'join.done.inbox': 'Gå til innboksen',

  // ---- Innboks (/supporter) ----
  'supporter.heading': 'Innboks for støttekollegaer',
  'supporter.modality.in-person': 'Ansikt til ansikt',
  'supporter.modality.phone': 'Telefon',
  'supporter.modality.video': 'Video',
  'supporter.cancel': 'Avbryt',
  'supporter.login.heading': 'Logg inn',
  'supporter.login.intro':
    'Meldinger til deg åpnes her, i denne nettleseren, med passordfrasen din. Tjenesten kan ikke lese dem.',
  'supporter.login.login': 'Brukernavn',
  'supporter.login.passphrase': 'Passordfrase',
  'supporter.login.memoryOnly':
    'Du er bare logget inn så lenge siden er åpen. Laster du siden på nytt eller lukker den, logges du ut, så ingenting lesbart blir liggende igjen.',
  'supporter.login.submit': 'Logg inn',
  'supporter.login.loggedOut': 'Du er logget ut. Ingenting lesbart er igjen på siden.',
  'supporter.login.sessionEnded': 'Økten din er avsluttet. Logg inn på nytt.',
  'supporter.login.error.missing': 'Fyll ut både brukernavn og passordfrase.',
  'supporter.login.error.credentials':
    'Brukernavnet eller passordfrasen er ikke riktig. Sjekk begge og prøv igjen.',
  'supporter.login.error.inactive':
    'Kontoen din er satt på pause av operatøren. Ta kontakt med operatøren.',
  'supporter.login.error.argon2':
    'Denne nettleseren regner ikke ut beskyttelsen av passordfrasen riktig, så nøkkelen din kan ikke åpnes trygt her. Bruk en annen nettleser.',
  'supporter.login.error.parameters':
    'Tjenesten sendte usikre innloggingsinnstillinger, så passordfrasen ble ikke brukt. Ta kontakt med operatøren.',
  'supporter.login.error.keyMismatch':
    'Nøkkelen din stemmer ikke med den i oversikten. Ta kontakt med operatøren før du svarer noen.',
  'supporter.login.error.generic': 'Noe gikk galt under innloggingen. Prøv igjen.',
  'supporter.progress.check': 'Sjekker at nettleseren krypterer riktig …',
  'supporter.progress.derive':
    'Regner ut nøklene dine fra passordfrasen. Dette tar noen sekunder …',
  'supporter.progress.proof':
    'Det har vært flere feil forsøk for dette brukernavnet den siste timen, så tjenesten ber nettleseren gjøre litt ekstra arbeid først. Dette kan ta litt tid …',
  'supporter.progress.unlock': 'Åpner nøkkelen din …',
  'supporter.me.heading': 'Deg',
  'supporter.me.name': 'Logget inn som {name}.',
  'supporter.me.fingerprint': 'Fingeravtrykket til nøkkelen din:',
  'supporter.logout': 'Logg ut',
  'supporter.memoryNote':
    'Laster du siden på nytt eller lukker den, logges du ut. Samtalene dine lagres kryptert med nøkkelen din, i arkivet ditt hos tjenesten og i denne nettleseren, så de vises i alle nettlesere du logger inn fra.',
  'supporter.conversations.heading': 'Samtaler',
  'supporter.conversations.none': 'Ingen samtaler ennå. Nye meldinger dukker opp her.',
  'supporter.refresh': 'Se etter nye meldinger',
  'supporter.inbox.checking': 'Ser etter nye meldinger …',
  'supporter.inbox.noneNew': 'Ingen nye meldinger.',
  'supporter.inbox.newCount': 'Nye meldinger: {count}.',
  'supporter.inbox.failed': 'Klarte ikke å hente nye meldinger. Prøv igjen.',
  'supporter.warning.noStore':
    'Denne nettleseren lar ikke siden ta vare på en kopi av samtalene (kanskje et privat vindu). De lagres likevel kryptert i arkivet ditt hos tjenesten.',
  'supporter.warning.notSaved':
    'Noe kunne ikke lagres i det krypterte arkivet ditt hos tjenesten. Nye meldinger ble liggende i innboksen og hentes igjen ved neste sjekk; et svar du har sendt, lagres da.',
  'supporter.warning.archiveFull':
    'Arkivet ditt hos tjenesten er fullt. Nye meldinger blir liggende i innboksen til du sletter eldre samtaler.',
  'supporter.warning.archiveUnreachable':
    'Klarte ikke å lese arkivet ditt hos tjenesten. Her vises det denne nettleseren har tatt vare på; samtaler fra andre nettlesere dukker opp ved neste sjekk.',
  'supporter.unopenable.heading': 'Meldinger som ikke kunne åpnes',
  'supporter.unopenable.intro':
    'Disse er ikke skrevet til nøkkelen du har nå: søppel, eller kryptert til en nøkkel du ikke har lenger. Ingen kan lese dem her. De kastes ved neste sjekk.',
  'supporter.unopenable.item': 'Kom {time}',
  'supporter.unopenable.discard': 'Kast',
  'supporter.unopenable.discardAll': 'Kast alle',
  'supporter.unopenable.discarded': 'Kastet.',
  'supporter.unopenable.failed': 'Klarte ikke å kaste dem: tjenesten svarte ikke. Prøv igjen.',
  'supporter.conversation.deleteFailed':
    'Klarte ikke å slette samtalen: tjenesten svarte ikke. Prøv igjen.',
  'supporter.storage.notStored':
    'Satt til {days} dager i denne nettleseren. Klarte ikke å oppdatere arkivet ditt hos tjenesten; prøv igjen.',
  'supporter.storage.deleteFailed': 'Ingenting ble slettet: tjenesten svarte ikke. Prøv igjen.',
  'supporter.conversation.title': 'Samtale startet {date}',
  'supporter.conversation.count': 'Meldinger i samtalen: {count}',
  'supporter.conversation.unsaved':
    'Deler av samtalen er ikke lagret i det krypterte arkivet ditt hos tjenesten ennå, så bare denne nettleseren har dem. De lagres ved neste sjekk.',
  'supporter.conversation.delete': 'Slett samtalen',
  'supporter.conversation.deleteConfirm':
    'Slette samtalen fra arkivet ditt og fra denne nettleseren? Det kan ikke angres.',
  'supporter.conversation.deleteYes': 'Ja, slett den',
  'supporter.conversation.deleted': 'Samtalen er slettet.',
  'supporter.prefs.modalities': 'Vil helst snakke',
  'supporter.prefs.noModalities': 'Ingen ønsker oppgitt',
  'supporter.prefs.when': 'Tider som passer',
  'supporter.prefs.noWhen': 'Ikke oppgitt',
  'supporter.prefs.contact': 'Kontaktopplysning',
  'supporter.prefs.noContact': 'Ingen oppgitt: svar her',
  'supporter.entry.firstContact': 'Første melding',
  'supporter.entry.followUp': 'Oppfølging',
  'supporter.entry.yourReply': 'Svaret ditt',
  'supporter.entry.written': '· skrevet {time}',
  'supporter.entry.received': '· kom fram til reléet {time}',
  'supporter.entry.sent': '· sendt {time}',
  'supporter.entry.new': 'Ny',
  'supporter.reply.open': 'Svar',
  'supporter.reply.label': 'Svaret ditt',
  'supporter.reply.hint':
    'Teksten starter med en mal som forklarer hva kollegastøtte er. Endre den som du vil, og bytt ut ordene i hakeparentes med et tidspunkt du kan tilby.',
  'supporter.reply.send': 'Send svar',
  'supporter.reply.sending': 'Sender …',
  'supporter.reply.sentAnnounce': 'Svaret ditt er sendt.',
  'supporter.reply.error.empty': 'Skriv et svar først.',
  'supporter.reply.error.placeholder':
    'Bytt ut ordene i hakeparentes med en dag og et tidspunkt du kan tilby, eller fjern dem.',
  'supporter.reply.error.long': 'Svaret er for langt. Gjør det kortere.',
  'supporter.reply.error.mailboxGone':
    'Denne legens postkasse finnes ikke lenger, så svaret kan ikke leveres. Postkasser slettes 30 dager etter at de sist ble brukt.',
  'supporter.reply.error.mailboxFull':
    'Legen har ikke lest de tidligere svarene dine ennå, og postkassen rommer ikke flere. Vent til legen har lest dem.',
  'supporter.reply.error.generic': 'Svaret kunne ikke sendes. Prøv igjen.',
  'supporter.template.greeting':
    'Takk for at du skrev til meg. Jeg heter {name} og er lege og utdannet støttekollega.',
  'supporter.template.framework':
    'Dette er støtte fra en kollega, ikke behandling: Jeg blir ikke legen din, og ingenting skrives i noen journal. Det du forteller meg, blir mellom oss. Vi kan ha inntil tre samtaler.',
  'supporter.template.meetingPreferred': 'Du vil helst snakke {ways}.',
  'supporter.template.meetingOpen':
    'Vi kan møtes ansikt til ansikt, eller snakke på telefon eller video – det som passer deg best.',
  'supporter.template.suggest':
    'Passer det for deg {placeholder}? Hvis ikke, si gjerne fra om hva som passer bedre.',
  'supporter.template.placeholder': '[skriv dag og klokkeslett]',
  'supporter.template.closing': 'Vennlig hilsen\n{name}',
  'supporter.template.way.in-person': 'ansikt til ansikt',
  'supporter.template.way.phone': 'på telefon',
  'supporter.template.way.video': 'på video',
  'supporter.profile.heading': 'Oppføringen din i oversikten',
  'supporter.profile.edit': 'Endre oppføringen din',
  'supporter.profile.save': 'Lagre oppføringen min',
  'supporter.profile.saved': 'Lagret. Legene ser nå oppføringen din slik den står her.',
  'supporter.profile.unchanged': 'Ingenting er endret, så ingenting ble sendt.',
  'supporter.profile.error': 'Oppføringen din kunne ikke lagres. Sjekk den og prøv igjen.',
  'supporter.passphrase.heading': 'Passordfrasen din',
  'supporter.passphrase.open': 'Bytt passordfrase',
  'supporter.passphrase.intro':
    'Nøkkelen din er den samme, så legene og samtalene som er lagret i denne nettleseren, berøres ikke. Andre nettlesere der du er logget inn, blir logget ut.',
  'supporter.passphrase.current': 'Passordfrasen du bruker nå',
  'supporter.passphrase.new': 'Den nye passordfrasen din',
  'supporter.passphrase.submit': 'Bytt passordfrasen min',
  'supporter.passphrase.progress.check': 'Sjekker passordfrasen du bruker nå …',
  'supporter.passphrase.progress.lock':
    'Beskytter nøkkelen med den nye passordfrasen. Dette tar noen sekunder …',
  'supporter.passphrase.done': 'Passordfrasen din er byttet. Bruk den nye fra nå av.',
  'supporter.passphrase.error.currentMissing': 'Skriv passordfrasen du bruker nå.',
  'supporter.passphrase.error.current':
    'Det er ikke passordfrasen du bruker nå. Sjekk den og prøv igjen.',
  'supporter.passphrase.error.generic':
    'Passordfrasen kunne ikke byttes. Den gamle virker fortsatt; prøv igjen.',
  'supporter.notify.heading': 'Varsler',
  'supporter.notify.intro':
    'Reléet kan si fra at en melding venter. Det sier aldri hvem som skrev eller hva.',
  'supporter.notify.email': 'E-postadresse (valgfritt)',
  'supporter.notify.emailHint':
    'Reléet skriver bare at en melding venter, aldri hvem som skrev eller hva.',
  'supporter.notify.byEmail': 'Send meg e-post når en melding venter',
  'supporter.notify.webhookSummary': 'Eller varsle en egen nettadresse (webhook)',
  'supporter.notify.webhook': 'Webhook-adresse (valgfritt)',
  'supporter.notify.webhookHint':
    'En https://-adresse. Reléet sender den en kort forespørsel uten innhold når en melding venter. La feltet stå tomt for ingen.',
  'supporter.notify.save': 'Lagre varsler',
  'supporter.notify.saved': 'Lagret.',
  'supporter.notify.error.unavailable':
    'Dette reléet sender ikke e-post. Bruk en webhook i stedet, eller sjekk innboksen selv.',
  'supporter.notify.error.missing': 'Legg inn e-postadressen din for å bli varslet på e-post.',
  'supporter.notify.error.webhookNotPublic':
    'Denne adressen er på denne maskinen eller et privat nett, som tjenesten ikke sender til. Bruk den offentlige adressen til varslingstjenesten din.',
  'supporter.notify.error.webhook':
    'Webhook-adressen må begynne med https:// og kan ikke inneholde brukernavn eller passord.',
  'supporter.notify.error.load':
    'Varslingsinnstillingene kunne ikke leses. Last inn siden på nytt for å prøve igjen.',
  'supporter.notify.error.generic': 'Varslene kunne ikke lagres. Prøv igjen.',
  'supporter.leave.heading': 'Slutte i tjenesten',
  'supporter.leave.intro':
    'Vil du ikke lenger være støttekollega, kan du slutte. Brukernavnet, e-postadressen og nøkkelen din slettes fra reléet, og oppføringen din forsvinner fra oversikten. Meldinger som fortsatt venter på deg, kan da aldri leses. Å være borte en stund er som regel et bedre valg.',
  'supporter.leave.button': 'Slutt i tjenesten',
  'supporter.leave.confirmTitle': 'Slutte i tjenesten for godt?',
  'supporter.leave.confirm':
    'Dette kan ikke angres. For å komme tilbake trenger du en ny invitasjon fra operatøren. Samtalene som er lagret i denne nettleseren, slettes også.',
  'supporter.leave.yes': 'Ja, slutt for godt',
  'supporter.leave.done': 'Du har sluttet i tjenesten. Kontoen din er slettet. Takk for hjelpen.',
  'supporter.leave.error': 'Det gikk ikke å slutte. Ingenting ble slettet; prøv igjen.',
  'supporter.availability.heading': 'Når du er tilgjengelig',
  'supporter.availability.currentAvailable': 'Du vises som tilgjengelig. Leger kan skrive til deg.',
  'supporter.availability.currentAway':
    'Du vises som borte. Leger kan ikke skrive til deg før du endrer dette.',
  'supporter.availability.currentAwayUntil':
    'Du vises som borte til {time}. Fra da av kan leger skrive til deg igjen.',
  'supporter.availability.legend': 'Kan leger skrive til deg nå?',
  'supporter.availability.available': 'Ja, jeg er tilgjengelig',
  'supporter.availability.away': 'Nei, jeg er borte',
  'supporter.availability.until': 'Tilbake fra (valgfritt)',
  'supporter.availability.untilHint':
    'Legene ser når du regner med å svare igjen. Mens du er borte, kan de ikke sende deg nye meldinger, så ingen venter forgjeves.',
  'supporter.availability.save': 'Lagre tilgjengelighet',
  'supporter.availability.saved': 'Lagret.',
  'supporter.availability.error.past': 'Velg et tidspunkt fram i tid, eller la feltet stå tomt.',
  'supporter.availability.error.generic': 'Klarte ikke å lagre tilgjengeligheten. Prøv igjen.',
  'supporter.storage.heading': 'Lagring av samtaler',
  'supporter.storage.intro':
    'Åpnede meldinger og svarene dine lagres i arkivet ditt hos tjenesten, kryptert med nøkkelen din så tjenesten ikke kan lese dem, og alle nettlesere du logger inn fra, viser de samme samtalene. Denne nettleseren har også en kryptert kopi. En samtale slettes når det ikke har skjedd noe i den på så mange dager som du velger.',
  'supporter.storage.days': 'Slett samtaler etter så mange dager uten aktivitet',
  'supporter.storage.save': 'Lagre',
  'supporter.storage.saved': 'Lagret: {days} dager.',
  'supporter.storage.invalid': 'Velg et helt antall dager fra 1 til 90.',
  'supporter.storage.deleteAll': 'Slett alle samtaler nå',
  'supporter.storage.deleteAllConfirm':
    'Slette alle samtaler, fra arkivet ditt hos tjenesten og fra denne nettleseren? Det kan ikke angres.',
  'supporter.storage.deleteAllYes': 'Ja, slett alle',
  'supporter.storage.deletedAll': 'Alle samtaler er slettet.',
  'supporter.counts.heading': 'Førstegangshenvendelser per måned',
  'supporter.counts.intro':
    'Hvor mange nye samtaler leger har startet med deg hver måned. Dette er bare tall: Ingenting i dem kan knyttes til en lege, en melding eller en samtale.',
  'supporter.counts.caption': 'Førstegangshenvendelser per måned, nyeste først',
  'supporter.counts.month': 'Måned',
  'supporter.counts.number': 'Antall',
  'supporter.counts.none': 'Ingen tall ennå.',
  'supporter.counts.loading': 'Henter tallene …',
  'supporter.counts.failed': 'Klarte ikke å hente tallene. Prøv igjen senere.',
  'supporter.counts.export': 'Eksporter (CSV)',
  'supporter.counts.exported': 'Filen er lastet ned.',
  'supporter.counts.exportFailed': 'Klarte ikke å laste ned filen. Prøv igjen.',
};
