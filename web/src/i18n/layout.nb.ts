/** @module The page chrome's messages in bokmål; every key of `layoutEn`, checked by the type. */
import type { layoutEn } from './layout.en';

export const layoutNb: Record<keyof typeof layoutEn, string> = {
  'title.home': 'Finn en støttekollega',
  'title.write': 'Skriv til en støttekollega',
  'title.mailbox': 'Svarene dine',
  'title.join': 'Bli støttekollega',
  'title.supporter': 'Innboksen din som støttekollega',
  'layout.skip': 'Hopp til innholdet',
  'layout.brand': 'Kollegastøtte for leger',
  'layout.nav': 'Nettsted',
  'layout.nav.directory': 'Finn en støttekollega',
  'layout.nav.mailbox': 'Les svar',
  'layout.language': 'Språk',
  'layout.emergency.label': 'Ikke en akuttjeneste',
  'layout.emergency.title': 'Dette er ikke en akuttjeneste.',
  'layout.emergency.default': 'Ved akutt fare, ring 113. Utenom kontortid: legevakt 116 117.',
  'layout.emergency.emergency': 'Ved akutt fare, ring {number}.',
  'layout.emergency.out-of-hours': 'Utenom kontortid: legevakt {number}.',
  'layout.emergency.crisis-line': 'Krisetelefon: {number}.',
  'layout.footer':
    'Ingen konto, ingen informasjonskapsler, ingen journal. Meldinger krypteres på enheten din.',
  'layout.nav.supporter': 'Støttekollegaer',
  'layout.nav.inbox': 'Innboks',
  'layout.nav.operator': 'Drift',
  'layout.brand.supporter': 'Kollegastøtte for leger · for kollegastøtter',
  'layout.brand.operator': 'Kollegastøtte for leger · drift',
  'layout.footer.supporter':
    'Meldinger åpnes bare på din enhet, med passordfrasen din. Tjenesten beholder ingen kopi når du har fått dem.',
  'layout.footer.operator':
    'Driften ser bare om meldinger kommer fram: ingen navn på leger, ingen meldinger.',
  'layout.noscript': 'Denne siden trenger JavaScript: meldinger krypteres i nettleseren din.',
  'time.hourRange': '{date}, mellom kl. {from} og {to}',
  'time.left.days': '{count} dager',
  'time.left.hours': '{count} timer',
  'time.left.soon': 'under en time',
  'error.network': 'Fikk ikke kontakt med tjenesten. Sjekk forbindelsen og prøv igjen.',
  'error.generic': 'Noe gikk galt. Ingenting ble sendt. Prøv igjen.',
};
