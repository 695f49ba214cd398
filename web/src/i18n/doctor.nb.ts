/** @module Norsk bokmål strings of the doctor pages: every key of `doctor.en.ts`. */
import type { doctorEn } from './doctor.en';

export const doctorNb: Record<keyof typeof doctorEn, string> = {
  // Felles
  'doctor.available': 'Ledig',
  'doctor.away.until': 'Borte til {date}',
  'doctor.away.open': 'Borte inntil videre',
  'doctor.awaySentence.until': '{name} er borte til {date}.',
  'doctor.awaySentence.open': '{name} er borte inntil videre.',
  'doctor.place': '{town}, {county}',
  'doctor.specialties': 'Spesialitet',
  'doctor.languages': 'Språk',
  'doctor.modalities': 'Kan møtes',
  'doctor.fingerprint': 'Nøkkelens fingeravtrykk',
  'doctor.verify': 'Kontroller denne støttekollegaen',
  'doctor.unconfirmed': 'Ennå ikke bekreftet av tjenesten',
  'doctor.unconfirmed.text':
    'Tjenesten har ennå ikke bekreftet denne oppføringen, så du kan ikke skrive til {name} nå. Det beskytter deg mot en nøkkel som ikke er vedkommendes. Velg en annen, eller prøv igjen senere.',
  'doctor.keyChanged': 'Nøkkelen ble byttet {date}',
  'doctor.modality.in-person': 'ansikt til ansikt',
  'doctor.modality.phone': 'på telefon',
  'doctor.modality.video': 'på video',
  'doctor.text.count': '{count} av {max} tegn',
  'doctor.text.empty': 'Skriv en melding først.',
  'doctor.text.tooLong': 'Meldingen er {over} tegn for lang. Gjør den litt kortere.',
  'doctor.error.integrity':
    'En del av koden til denne siden var ikke den koden tjenesten publiserer, så den ble ikke kjørt, og ingenting ble sendt. Last inn siden på nytt. Kommer meldingen igjen, kan forbindelsen din ha blitt tuklet med: prøv et annet nettverk eller en annen enhet.',
  'doctor.error.crypto':
    'Meldingen kunne ikke krypteres på denne enheten, så ingenting ble sendt. Last inn siden på nytt og prøv igjen, eller bruk en annen nettleser.',
  'doctor.error.tooLong':
    'Meldingen er for lang til å sendes samlet. Ingenting ble sendt. Gjør den litt kortere.',
  'doctor.error.away':
    '{name} er borte og kan ikke ta imot meldinger akkurat nå. Ingenting ble sendt. Velg en annen støttekollega, eller prøv igjen når {name} er tilbake.',
  'doctor.error.inboxFull':
    '{name} har mange meldinger som venter akkurat nå, så ingenting ble sendt. En annen støttekollega kan sannsynligvis svare deg raskere.',
  'doctor.error.notFound':
    '{name} står ikke lenger på listen over støttekolleger, så ingenting ble sendt. Velg en annen støttekollega.',
  'doctor.error.busy':
    'Tjenesten får flere meldinger enn vanlig akkurat nå. Ingenting ble sendt. Prøv igjen om en stund.',
  'doctor.error.network':
    'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen. Meldingen din ligger her fortsatt, så du kan bare sende den på nytt.',
  'doctor.error.pow':
    'Sikkerhetskontrollen kunne ikke fullføres. Ingenting ble sendt. Send meldingen på nytt.',
  'doctor.error.unknown':
    'Noe gikk galt, og meldingen kom kanskje ikke fram. Send den på nytt; den kommer ikke fram to ganger.',

  // Forside og liste
  'home.title': 'Snakk fortrolig med en kollega',
  'home.lead':
    'For alle leger og medisinstudenter som har det vanskelig. Velg en kollega med opplæring i kollegastøtte nedenfor, og skriv til vedkommende her: gratis, fortrolig, og du trenger ikke si hvem du er.',
  'home.about.summary': 'Hva kollegastøtte er, og hvordan personvernet ditt er ivaretatt',
  'home.is.title': 'Hva kollegastøtte er',
  'home.is.colleague':
    'En samtale med en kollega med opplæring i kollegastøtte, som ikke er legen din.',
  'home.is.confidential': 'Fortrolig. Det føres ingen journal, og ingenting registreres om deg.',
  'home.is.conversations': 'Inntil tre samtaler, uten kostnad.',
  'home.is.meeting':
    'Dere møtes ansikt til ansikt, på telefon eller på video, når det passer deg, også etter arbeidstid.',
  'home.is.choice': 'Du velger støttekollega selv, og du kan skrive til en annen når som helst.',
  'home.not.title': 'Hva det ikke er',
  'home.not.treatment':
    'Det er ikke behandling. Støttekollegaen blir ikke legen din og skriver ikke resepter eller sykmeldinger.',
  'home.not.consent':
    'Hvis dere mener at vanlig behandling vil hjelpe, skjer det bare med ditt uttrykkelige samtykke.',
  'home.not.emergency': 'Det er ikke en akuttjeneste. Det kan ta en dag eller to før du får svar.',
  'home.privacy.title': 'Slik blir personvernet ditt ivaretatt',
  'home.privacy.encrypted':
    'Meldingen krypteres på din egen enhet, med nøkkelen til støttekollegaen du velger. Bare vedkommende kan lese den.',
  'home.privacy.relay':
    'Tjenesten tar bare vare på den krypterte meldingen, og bare til støttekollegaen har hentet den. Så slettes den.',
  'home.privacy.account':
    'Ingen konto, ingen informasjonskapsler, ikke noe navn. IP-adressen din lagres ikke.',
  'home.privacy.code':
    'Når du sender, får du en svarkode. Den tar du vare på selv; den er eneste måte å lese svaret på.',
  'home.directory.title': 'Finn en støttekollega',
  'home.directory.intro':
    'Noen velger en psykiater, noen en fra sin egen spesialitet, noen en som jobber langt unna deres egen arbeidsplass. Velg den som føles riktig for deg.',
  'home.directory.loading': 'Henter listen over støttekolleger …',
  'home.directory.error':
    'Listen over støttekolleger kunne ikke hentes. Sjekk nettforbindelsen og last inn siden på nytt.',
  'home.directory.empty': 'Det er ingen støttekolleger på listen akkurat nå.',
  'home.directory.none': 'Ingen støttekolleger passer med disse filtrene. Prøv å fjerne ett.',
  'home.directory.count': 'Viser {shown} av {total} støttekolleger.',
  'home.filters.title': 'Filtrer listen',
  'home.filters.private':
    'Filtreringen skjer i nettleseren din. Ingenting du velger eller skriver her, blir sendt noe sted.',
  'home.filters.county': 'Fylke',
  'home.filters.specialty': 'Spesialitet',
  'home.filters.language': 'Språk',
  'home.filters.modality': 'Møteform',
  'home.filters.any.county': 'Alle fylker',
  'home.filters.any.specialty': 'Alle spesialiteter',
  'home.filters.any.language': 'Alle språk',
  'home.filters.any.modality': 'Alle møteformer',
  'home.filters.town': 'Skjul støttekolleger på mitt hjemsted',
  'home.filters.townHint':
    'For eksempel hvis du helst ikke vil møte en kollega fra ditt eget sykehus.',
  'home.filters.available': 'Ledig nå',
  'home.filters.clear': 'Fjern filtrene',
  'home.write': 'Skriv til {name}',

  'home.verify.note':
    'Dette er fingeravtrykket til krypteringsnøkkelen til {name}. Siden du skriver på, regner det ut på nytt på enheten din fra selve nøkkelen; snakker dere på telefon, kan {name} lese opp sitt for deg.',
  // Skriv
  'write.back': 'Tilbake til listen over støttekolleger',
  'write.heading': 'Skriv til en støttekollega',
  'write.title': 'Skriv til {name}',
  'write.loading': 'Henter …',
  'write.missing.noId': 'Ingen støttekollega er valgt.',
  'write.missing.integrity':
    'En del av koden til denne siden var ikke den koden tjenesten publiserer, så den ble ikke kjørt, og skriving er slått av for din sikkerhet. Last inn siden på nytt. Kommer meldingen igjen, kan forbindelsen din ha blitt tuklet med: prøv et annet nettverk eller en annen enhet.',
  'write.missing.notFound':
    'Denne støttekollegaen står ikke lenger på listen. Vedkommende kan ha sluttet i tjenesten eller tatt en pause.',
  'write.missing.network':
    'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og last inn siden på nytt.',
  'write.missing.badKey':
    'Vi kunne ikke kontrollere krypteringsnøkkelen til denne støttekollegaen, så det er ikke mulig å skrive til vedkommende. Det er for din egen sikkerhet. Velg en annen støttekollega.',
  'write.chooseAnother': 'Velg en støttekollega fra listen',
  'write.fingerprint.note':
    'Hvis dere snakker på telefon, kan du be {name} lese opp nøkkelens fingeravtrykk for deg. Er det likt det som står her, ble meldingen din kryptert bare for {name}.',
  'write.away.notice':
    '{away} Tjenesten tar ikke imot meldinger til støttekolleger som er borte, så du vil kanskje heller velge en annen.',
  'write.away.others': 'Ledige nå',
  'write.away.choose': 'Skriv til {name} i stedet',
  'write.away.keep': 'Det du har skrevet, blir stående når du velger en annen.',
  'write.switched': 'Nå skriver du til {name}. Det du skrev, er beholdt.',
  'write.text.label': 'Meldingen din',
  'write.text.hint':
    'Skriv med dine egne ord. Noen linjer om hvordan du har det og hva du ønsker å snakke om, er nok.',
  'write.modalities.legend': 'Hvordan vil du helst snakke sammen? (valgfritt)',
  'write.when.label': 'Når passer det for deg? (valgfritt)',
  'write.when.hint': 'For eksempel: hverdagskvelder etter kl. 17.',
  'write.contact.label': 'Hvordan kan du nås? (valgfritt)',
  'write.contact.hint':
    'For eksempel: ring meg på 400 00 000. Du kan la feltet stå tomt og lese svaret her med svarkoden din.',
  'write.sees.title': 'Hvem ser hva',
  'write.sees.supporter.title': '{name} ser',
  'write.sees.supporter':
    'nøyaktig det du skriver her, også hvordan du kan nås hvis du oppgir det. Ikke IP-adressen eller e-postadressen din.',
  'write.sees.relay.title': 'Tjenesten ser',
  'write.sees.relay':
    'bare at noen har skrevet til denne støttekollegaen, timen meldingen kom, og størrelsen rundet av til 1 KiB. Den kan ikke lese meldingen din.',
  'write.confirm.title': 'Denne støttekollegaen er borte',
  'write.confirm.text':
    '{away} Så lenge vedkommende er borte, vil tjenesten mest sannsynlig avvise meldingen. Vil du heller velge en annen støttekollega?',
  'write.confirm.send': 'Prøv å sende likevel',
  'write.confirm.other': 'Velg en annen støttekollega',
  'write.progress': 'Krypterer og sender meldingen …',
  'write.crypto.preparing': 'Gjør klar krypteringen på denne enheten …',
  'write.crypto.network':
    'Krypteringsdelen av siden kunne ikke lastes ned. Sjekk nettforbindelsen; meldingen din er her fortsatt, og «Krypter og send» prøver igjen.',
  'write.fingerprint.checking': 'Regnes ut på denne enheten …',
  'write.fingerprint.unchecked': 'Kunne ikke kontrolleres på denne enheten.',
  'write.send': 'Krypter og send',
  'write.sent.title': 'Meldingen er på vei',
  'write.sent.announce': 'Meldingen er sendt. Svarkoden din står nedenfor.',
  'write.sent.text':
    '{name} får den neste gang vedkommende åpner innboksen sin. Hvis den ikke er hentet innen {date}, slettes den ulest, og du kan skrive til en annen.',
  'write.code.title': 'Svarkoden din',
  'write.code.copy': 'Kopier koden',
  'write.code.copied': 'Koden er kopiert.',
  'write.code.selected': 'Koden er merket. Trykk Ctrl+C (eller ⌘C) for å kopiere den.',
  'write.code.download': 'Last ned som tekstfil',
  'write.code.file':
    'Svarkode for kollegastøtte: {code}\n\nSkriv den inn på {url} for å lese svar.\nTa godt vare på den: den er eneste måte å lese svaret på, og den kan ikke gjenopprettes.\n',
  'write.code.keep.title': 'Ta godt vare på denne koden.',
  'write.code.keep':
    'Den er eneste måte å lese svar på. Den vises bare nå. Vi kan ikke gjenopprette den eller sende den til deg på nytt, for vi ser den aldri.',
  'write.code.where':
    'Skriv den ned eller lagre den der bare du finner den, ikke på en delt jobbdatamaskin.',
  'write.code.how':
    'For å lese svar velger du «Les svar» øverst på siden og skriver inn koden. Støttekolleger svarer vanligvis innen en dag eller to.',
  'write.code.saved': 'Jeg har tatt vare på svarkoden',
  'write.code.savedFirst': 'Ta vare på svarkoden og kryss av i boksen først.',
  'write.code.done': 'Ferdig',

  // Svar
  'mailbox.title': 'Svarene dine',
  'mailbox.lead':
    'Skriv inn svarkoden du fikk da du sendte meldingen. Da ser du svarene du har fått, og om meldingene dine er hentet.',
  'mailbox.code.label': 'Svarkode',
  'mailbox.code.hint':
    '24 bokstaver og tall, for eksempel 0410-6105-0R3G-G28A-1C60-T3GF. Store eller små bokstaver, med eller uten bindestreker og mellomrom.',
  'mailbox.code.private':
    'Koden blir på denne enheten. Bare verdier som er laget av den, blir sendt, og de kan ikke gjøres om til koden igjen.',
  'mailbox.code.wrong':
    'Vi fant ingen postkasse med denne koden. Sjekk at du har skrevet den slik du tok vare på den. Hvis det er over 30 dager siden siste melding, kan postkassen være slettet.',
  'mailbox.code.empty': 'Skriv inn svarkoden først.',
  'mailbox.code.characters':
    'En svarkode har bare tallene 0 til 9 og bokstavene A til Z unntatt U (altså ingen Æ, Ø eller Å). Sjekk {found}.',
  'mailbox.code.quoted': '«{character}»',
  'mailbox.code.charactersOnly':
    'En svarkode har bare tallene 0 til 9 og bokstavene A til Z uten U. Sjekk det du skrev.',
  'mailbox.code.length':
    'En svarkode har {length} bokstaver og tall (bindestreker og mellomrom teller ikke). Denne har {count}. Sjekk at ingenting mangler eller er med i tillegg.',
  'mailbox.open': 'Åpne svarene mine',
  'mailbox.loading': 'Åpner …',
  'mailbox.opened': 'Postkassen din er åpen.',
  'mailbox.refreshed': 'Postkassen er sjekket på nytt.',
  'mailbox.forgotten': 'Koden er glemt på denne siden.',
  'mailbox.network': 'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  'mailbox.gone': 'Denne postkassen finnes ikke lenger. Den kan ha utløpt.',
  'mailbox.view.title': 'Postkassen din',
  'mailbox.kept': 'Hvis ingenting mer skjer, blir postkassen tatt vare på til {date}.',
  'mailbox.refresh': 'Sjekk på nytt',
  'mailbox.forget': 'Glem koden og lukk',
  'mailbox.replies.title': 'Svar',
  'mailbox.replies.deleted':
    'Du har slettet svarene som lå her. Et nytt svar dukker opp her når det kommer.',
  'mailbox.replies.none': 'Ingen svar ennå. Støttekolleger svarer vanligvis innen en dag eller to.',
  'mailbox.reply.from': 'Svar fra {name}',
  'mailbox.reply.sent': 'Skrevet {date}',
  'mailbox.reply.fingerprint': 'Fingeravtrykket til nøkkelen til {name}: {fingerprint}',
  'mailbox.reply.left':
    '{name} har sluttet i tjenesten, så du kan ikke svare her. Du kan velge en annen støttekollega fra listen.',
  'mailbox.reply.unconfirmed':
    'Ennå ikke bekreftet av tjenesten: dette svaret ble åpnet med en nøkkel tjenesten ikke har bekreftet som nøkkelen til {name}, så det kommer kanskje ikke fra vedkommende. Du kan ikke svare på det her.',
  'mailbox.reply.keyChanged':
    'Dette svaret kommer fra en annen nøkkel enn den den første meldingen din til {name} ble kryptert til. Ventet du ikke det, kan du be {name} lese opp nøkkelens fingeravtrykk på telefon.',
  'mailbox.reply.unopened.title': 'Et svar som ikke kunne åpnes',
  'mailbox.reply.unopened':
    'Dette svaret kunne ikke åpnes med støttekollegaens nøkkel, så det er kanskje ikke ekte. Det vises ikke.',
  'mailbox.followUp.toggle': 'Svar {name}',
  'mailbox.followUp.label': 'Meldingen din til {name}',
  'mailbox.followUp.sent':
    'Sendt. {name} får den neste gang vedkommende åpner innboksen sin (den blir tatt vare på til {date}).',
  'mailbox.sent.title': 'Meldinger du har sendt',
  'mailbox.sent.to': 'Til {name}',
  'mailbox.sent.leftName': 'en støttekollega som har sluttet',
  'mailbox.sent.at': 'Sendt {date}',
  'mailbox.status.queued': 'Venter',
  'mailbox.status.delivered': 'Levert',
  'mailbox.status.expired': 'Utløpt',
  'mailbox.sent.queued':
    'Venter på at {name} skal hente den. Den blir tatt vare på i {left} til, til {date}.',
  'mailbox.sent.delivered': '{name} har hentet meldingen din.',
  'mailbox.sent.expired':
    '{name} hentet den ikke i tide, så den ble slettet ulest. Kanskje du vil skrive til en annen støttekollega?',
  'mailbox.sent.another': 'Velg en annen støttekollega',
  'mailbox.replies.kept':
    'Svarene blir liggende her og vises hver gang du skriver inn koden, til du sletter dem eller postkassen utløper.',
  'mailbox.reply.copy': 'Kopier',
  'mailbox.reply.copied': 'Kopiert',
  'mailbox.reply.copyFailed': 'Kunne ikke kopiere. Merk teksten og kopier den i stedet.',
  'mailbox.conversation.delete': 'Slett denne samtalen',
  'mailbox.conversation.confirmTitle': 'Slette samtalen din med {name}?',
  'mailbox.conversation.confirmText':
    'Svarene fra {name} slettes fra tjenesten for godt og kan ikke vises igjen.',
  'mailbox.conversation.deleted': 'Samtalen med {name} er slettet.',
  'mailbox.delete.confirm': 'Slett',
  'mailbox.delete.cancel': 'Avbryt',
  'mailbox.delete.failed': 'Ingenting ble slettet fordi tjenesten ikke kunne nås. Prøv igjen.',
  'mailbox.deleteAll': 'Slett alt for denne koden',
  'mailbox.deleteAll.confirmTitle': 'Slette alt for denne koden?',
  'mailbox.deleteAll.confirmText':
    'Alle svar, eventuelle kopier du har tatt vare på og statusen til meldingene dine slettes fra tjenesten for godt, og koden slutter å virke. Meldinger du har sendt, trekkes ikke tilbake: en støttekollega kan fortsatt lese dem.',
  'mailbox.deleteAll.done':
    'Alt for denne koden er slettet. Koden virker ikke lenger. Skriver du igjen, får den nye meldingen en ny svarkode.',
  'write.copy.label': 'Ta vare på en kopi av det jeg skriver, som bare kan leses med svarkoden min',
  'write.copy.hint':
    'Tjenesten lagrer den kryptert sammen med postkassen din til du sletter den eller postkassen utløper; alle som har svarkoden din, kan lese den.',
  'mailbox.own.to': 'Du skrev til {name}',
  'mailbox.conversation.copiesStay':
    'Kopiene du har tatt vare på av dine egne meldinger, blir liggende til du sletter alt for denne koden.',
};
