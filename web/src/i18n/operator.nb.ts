/** @module Norsk bokmål strings of the operator page: every key of `operator.en.ts`. */
import type { operatorEn } from './operator.en';

export const operatorNb: Record<keyof typeof operatorEn, string> = {
  'title.operator': 'Operatør',
  'operator.title': 'Operatør',
  'operator.lead':
    'Slik går leveringen i denne tjenesten: hva som venter, hvor raskt meldinger når støttekollegaene, og hvem som kanskje trenger en påminnelse. Alle tall er opptellinger; ingenting her viser en melding eller noe om en lege.',

  // Katalognøkkelen (PROTOCOL.md §13)
  'operator.directory.signed':
    'Legesidene i denne versjonen skriver bare til støttekolleger med en oppføring som er signert med katalognøkkelen:',
  'operator.directory.unsigned.title': 'Katalogen er ikke signert',
  'operator.directory.unsigned':
    'Disse sidene ble bygget uten katalognøkkel, så de stoler på hver støttekollegas nøkkel slik databasen til tjenesten oppgir den: den som kan skrive i databasen, kan sette sin egen nøkkel ved siden av navnet til en støttekollega. Slik lukker du det:',
  'operator.directory.step.key':
    'Lag signeringsnøkkelen på din egen maskin, ikke på tjenesten (hemmeligheten lagres under en passordfrase):',
  'operator.directory.step.build': 'Bygg sidene med den offentlige nøkkelen den skriver ut:',
  'operator.directory.step.sign':
    'Signer oppføringene til støttekollegaene, og på nytt hver gang en av dem bytter navn eller nøkkel:',
  // Tokenet
  'operator.login.title': 'Skriv inn operatørtokenet',
  'operator.login.intro':
    'Tjenesten skrev ut dette tokenet første gang den startet. Har det kommet bort, kjører du npm run operator-token på serveren for å få et nytt.',
  'operator.token.label': 'Operatørtoken',
  'operator.token.hint':
    'Tas bare vare på i denne fanen i nettleseren, til du lukker fanen eller velger «Glem tokenet».',
  'operator.token.submit': 'Åpne operatørsiden',
  'operator.token.empty': 'Lim inn operatørtokenet.',
  'operator.token.wrong': 'Tjenesten godtok ikke dette tokenet. Sjekk det og prøv igjen.',
  'operator.token.expired':
    'Tjenesten godtar ikke lenger det lagrede tokenet. Skriv det inn på nytt.',
  'operator.token.forgotten': 'Tokenet er glemt. Denne fanen har det ikke lenger.',
  'operator.loading': 'Henter tallene …',

  // Linjen øverst
  'operator.updated': 'Tall per {time}.',
  'operator.refresh': 'Oppdater',
  'operator.refreshed': 'Tallene er oppdatert.',
  'operator.forget': 'Glem tokenet',
  'operator.error.network': 'Fikk ikke kontakt med tjenesten. Sjekk forbindelsen og prøv igjen.',
  'operator.error.generic': 'Noe gikk galt hos tjenesten. Prøv igjen.',
  'operator.error.storage':
    'Nettleseren ville ikke ta vare på tokenet i fanen, så du blir spurt om det igjen etter en ny innlasting.',

  // Oversikt
  'operator.summary.title': 'Kort oversikt',
  'operator.tile.pending': 'Meldinger som venter',
  'operator.tile.oldest': 'Eldste som venter',
  'operator.tile.median': 'Median tid til levering',
  'operator.tile.p90': '90-persentil for tid til levering',
  'operator.tile.deliveryHint': 'Fra mottatt til hentet, siste 30 dager',
  'operator.tile.replyRate': 'Svarandel',
  'operator.tile.replyRateHint':
    '{replied} av {delivered} leverte meldinger besvart, siste 30 dager',
  'operator.tile.purged': 'Slettede meldinger',
  'operator.tile.purgedHint': 'Ventende meldinger en operatør slettet, siste 30 dager',
  'operator.tile.failures': 'Mislykkede varsler',
  'operator.tile.failuresHint': 'Siste 30 dager; {count} kanaler prøves på nytt',
  'operator.tile.supporters': 'Aktive støttekollegaer',
  'operator.tile.supportersHint': '{away} borte, {inactive} deaktivert',
  'operator.tile.database': 'Databasens størrelse',
  'operator.tile.version': 'Versjon',
  'operator.tile.uptime': 'Har kjørt i',
  'operator.none': 'Ingen',
  'operator.noDeliveries': 'Ingen leveringer ennå',
  'operator.unknown': 'Ukjent',

  // Varigheter
  'operator.duration.underHour': 'under en time',
  'operator.duration.underMinute': 'under ett minutt',

  // Diagrammer
  'operator.days.title': 'De siste 30 dagene',
  'operator.days.intro':
    'Én søyle per dag, eldste til venstre. De tre diagrammene har samme skala: opptil {max} per dag.',
  'operator.days.introEmpty': 'Ingenting ble levert, besvart eller utløpt de siste 30 dagene.',
  'operator.series.delivered': 'Levert',
  'operator.series.expired': 'Utløpt uten å bli hentet',
  'operator.series.replied': 'Besvart',
  'operator.chart.total': '{count} på 30 dager',
  'operator.chart.label':
    '{series} per dag fra {first} til {last}: {total} i alt, høyst {max} på én dag ({day}).',
  'operator.chart.labelEmpty': '{series} per dag fra {first} til {last}: ingen.',
  'operator.days.show': 'Vis tallene',
  'operator.days.caption': 'Levert, utløpt og besvart per dag',
  'operator.days.day': 'Dag',
  'operator.days.total': 'Sum',

  // Varsler
  'operator.notify.title': 'Varsler',
  'operator.notify.summary': '{count} varsler eller alarmer kunne ikke leveres de siste 30 dagene.',
  'operator.notify.noneRetrying': 'Ingen støttekollegas varslingskanal feiler nå.',
  'operator.notify.retrying':
    'Disse kanalene feilet sist de ble prøvd, og prøves igjen med stadig lengre pauser. En feil SMTP_URL eller en webhook som ikke svarer, vises her.',
  'operator.notify.entry': '{name}, {channel}: {failures} feil på rad, neste forsøk {time}',
  'operator.notify.entryNoTime': '{name}, {channel}: {failures} feil på rad',
  'operator.notify.entryOne': '{name}, {channel}: {failures} feil, neste forsøk {time}',
  'operator.notify.entryNoTimeOne': '{name}, {channel}: {failures} feil',
  'operator.channel.email': 'e-post',
  'operator.channel.webhook': 'webhook',
  'operator.unknownSupporter': 'En støttekollega som har sluttet',

  // Ikke sett
  'operator.unseen.title': 'Støttekollegaer som ikke har vært innom',
  'operator.unseen.days': 'Ikke sett på minst så mange dager',
  'operator.unseen.show': 'Vis',
  'operator.unseen.invalid': 'Skriv et helt antall dager fra 1 til 365.',
  'operator.unseen.none': 'Alle aktive støttekollegaer har vært innom de siste {days} dagene.',
  'operator.unseen.count':
    'Aktive støttekollegaer som ikke er sett (logget inn, hentet meldinger eller svart) på {days} dager eller mer: {count}.',
  'operator.unseen.entry': '{name}: {days} dager, sist sett {time}',
  'operator.unseen.entryNever': '{name}: {days} dager, ikke sett siden de ble med',

  // Kø per støttekollega
  'operator.backlog.title': 'Støttekollegaer og meldingene som venter på dem',
  'operator.backlog.hint':
    'Sorter etter en kolonne med knappen i overskriften. Deaktiverte støttekollegaer er skjult for legene og logget ut; meldingene til dem venter til de kommer tilbake eller utløper.',
  'operator.backlog.empty': 'Ingen støttekollegaer ennå. Lag en invitasjon nedenfor.',
  'operator.col.name': 'Navn',
  'operator.col.state': 'Status',
  'operator.col.pending': 'Venter',
  'operator.col.oldest': 'Eldste som venter',
  'operator.col.delivered': 'Levert, 30 dager',
  'operator.col.lastSeen': 'Sist sett',
  'operator.col.actions': 'Handlinger',
  'operator.sorted.ascending': 'Sortert etter {column}, stigende.',
  'operator.sorted.descending': 'Sortert etter {column}, synkende.',
  'operator.state.available': 'Tilgjengelig',
  'operator.state.away': 'Borte',
  'operator.state.awayUntil': 'Borte til {date}',
  'operator.state.inactive': 'Deaktivert',
  'operator.never': 'Aldri',
  'operator.action.away': 'Sett som borte',
  'operator.action.available': 'Sett som tilgjengelig',
  'operator.action.deactivate': 'Deaktiver',
  'operator.action.reactivate': 'Aktiver igjen',
  'operator.action.purge': 'Slett ventende',
  'operator.action.named': '{action}: {name}',
  'operator.action.cancel': 'Avbryt',
  'operator.away.legend': 'Sett {name} som borte',
  'operator.away.until': 'Tilbake fra (valgfritt)',
  'operator.away.untilHint':
    'Legene ser datoen. Uten dato er {name} borte til noen setter dem som tilgjengelig.',
  'operator.away.save': 'Sett som borte',
  'operator.away.past': 'Velg i dag eller en senere dato, eller la feltet stå tomt.',
  'operator.deactivate.confirm':
    'Deaktivere {name}? De logges ut med en gang og vises ikke lenger for legene. Meldinger til dem blir liggende til de aktiveres igjen eller meldingene utløper.',
  'operator.deactivate.yes': 'Ja, deaktiver',
  'operator.reactivate.confirm':
    'Aktivere {name} igjen? De vises for legene igjen og kan logge inn.',
  'operator.reactivate.yes': 'Ja, aktiver igjen',
  'operator.purge.legend': 'Slett meldinger som venter på {name}',
  'operator.purge.hours': 'Mottatt for minst så mange timer siden',
  'operator.purge.hoursHint':
    'Den krypterte teksten slettes for godt, og avsenderne ser dem som utløpt. For søppel som holder en innboks full; 0 sletter alle ventende meldinger.',
  'operator.purge.invalid': 'Skriv et helt antall timer fra 0 til 8760.',
  'operator.purge.save': 'Slett',
  'operator.done.away': '{name} er satt som borte.',
  'operator.done.awayUntil': '{name} er satt som borte til {date}.',
  'operator.done.available': '{name} er satt som tilgjengelig.',
  'operator.done.deactivated': '{name} er deaktivert.',
  'operator.done.reactivated': '{name} er aktiv igjen.',
  'operator.done.purged': 'Ventende meldinger til {name} slettet: {count}.',
  'operator.error.gone': 'Denne støttekollegaen har sluttet i tjenesten. Listen er oppdatert.',

  // Invitasjoner
  'operator.invite.title': 'Inviter en støttekollega',
  'operator.invite.intro':
    'Hver invitasjonslenke virker én gang. Send den selv til den nye støttekollegaen, på en måte du stoler på. Lenken vises bare her og nå: den tas ikke vare på når du forlater siden.',
  'operator.invite.note': 'Notat (valgfritt)',
  'operator.invite.noteHint': 'Bare operatører ser det, for eksempel «Bergen-gruppen, desember».',
  'operator.invite.days': 'Gyldig i så mange dager',
  'operator.invite.daysInvalid': 'Skriv et helt antall dager fra 1 til 365.',
  'operator.invite.create': 'Lag invitasjonslenke',
  'operator.invite.created': 'Invitasjonslenken er laget. Den virker én gang, til {date}.',
  'operator.invite.link': 'Invitasjonslenke',
  'operator.invite.linkNoted': 'Invitasjonslenke ({note})',
  'operator.invite.expires': 'Virker én gang, til {date}.',
  'operator.invite.copy': 'Kopier lenken',
  'operator.invite.copied': 'Kopiert.',
  'operator.invite.copyFailed':
    'Kunne ikke kopiere. Lenken er markert: kopier den med Ctrl+C eller ⌘C.',
};
