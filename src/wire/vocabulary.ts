/**
 * The fixed vocabulary of supporter profiles and directory filters
 * (PROTOCOL.md §12): counties, specialties and languages, each a stable
 * lowercase ASCII kebab-case `code` with a Norwegian Bokmål and an English label.
 *
 * Shared by the relay and the browser bundle, so it imports nothing and uses
 * no Node API. Codes are stored in the database and travel on the wire; never
 * rename one (add a new term instead). Labels may be reworded freely.
 *
 * @module
 */

export interface Term {
  readonly code: string;
  readonly nb: string;
  readonly en: string;
}

export type VocabularyField = 'county' | 'specialties' | 'languages';

/**
 * Prefix of a legacy free-text value that matched no term when the vocabulary
 * was introduced (migration 0006), kept so nothing a supporter wrote was lost.
 */
export const OTHER_PREFIX = 'other: ';

function term(code: string, nb: string, en: string = nb): Term {
  return Object.freeze({ code, nb, en });
}

/** Norway's 15 counties from 1 January 2024, in the order of their county numbers. */
export const COUNTIES: readonly Term[] = Object.freeze([
  term('oslo', 'Oslo'),
  term('rogaland', 'Rogaland'),
  term('more-og-romsdal', 'Møre og Romsdal'),
  term('nordland', 'Nordland'),
  term('ostfold', 'Østfold'),
  term('akershus', 'Akershus'),
  term('buskerud', 'Buskerud'),
  term('innlandet', 'Innlandet'),
  term('vestfold', 'Vestfold'),
  term('telemark', 'Telemark'),
  term('agder', 'Agder'),
  term('vestland', 'Vestland'),
  term('trondelag', 'Trøndelag'),
  term('troms', 'Troms'),
  term('finnmark', 'Finnmark'),
]);

/**
 * The medical specialties of the Norwegian specialist list (spesialistforskriften
 * after the 2019 reform, with akutt- og mottaksmedisin from 2023), alphabetical
 * by Bokmål label, and `medical-student` last.
 */
export const SPECIALTIES: readonly Term[] = Object.freeze([
  term('emergency-medicine', 'Akutt- og mottaksmedisin', 'Emergency medicine'),
  term('general-practice', 'Allmennmedisin', 'General practice'),
  term('anaesthesiology', 'Anestesiologi', 'Anaesthesiology'),
  term('occupational-medicine', 'Arbeidsmedisin', 'Occupational medicine'),
  term(
    'child-and-adolescent-psychiatry',
    'Barne- og ungdomspsykiatri',
    'Child and adolescent psychiatry',
  ),
  term('paediatric-surgery', 'Barnekirurgi', 'Paediatric surgery'),
  term('paediatrics', 'Barnesykdommer', 'Paediatrics'),
  term('haematology', 'Blodsykdommer', 'Haematology'),
  term('breast-and-endocrine-surgery', 'Bryst- og endokrinkirurgi', 'Breast and endocrine surgery'),
  term('endocrinology', 'Endokrinologi', 'Endocrinology'),
  term('gastroenterology', 'Fordøyelsessykdommer', 'Gastroenterology'),
  term(
    'physical-medicine-and-rehabilitation',
    'Fysikalsk medisin og rehabilitering',
    'Physical medicine and rehabilitation',
  ),
  term(
    'obstetrics-and-gynaecology',
    'Fødselshjelp og kvinnesykdommer',
    'Obstetrics and gynaecology',
  ),
  term('gastroenterological-surgery', 'Gastroenterologisk kirurgi', 'Gastroenterological surgery'),
  term('general-surgery', 'Generell kirurgi', 'General surgery'),
  term('geriatrics', 'Geriatri', 'Geriatrics'),
  term('cardiology', 'Hjertesykdommer', 'Cardiology'),
  term('dermatology-and-venereology', 'Hud- og veneriske sykdommer', 'Dermatology and venereology'),
  term(
    'immunology-and-transfusion-medicine',
    'Immunologi og transfusjonsmedisin',
    'Immunology and transfusion medicine',
  ),
  term('internal-medicine', 'Indremedisin', 'Internal medicine'),
  term('infectious-diseases', 'Infeksjonssykdommer', 'Infectious diseases'),
  term('vascular-surgery', 'Karkirurgi', 'Vascular surgery'),
  term(
    'oral-and-maxillofacial-surgery',
    'Kjevekirurgi og munnhulesykdommer',
    'Oral and maxillofacial surgery',
  ),
  term('clinical-pharmacology', 'Klinisk farmakologi', 'Clinical pharmacology'),
  term('clinical-neurophysiology', 'Klinisk nevrofysiologi', 'Clinical neurophysiology'),
  term('respiratory-medicine', 'Lungesykdommer', 'Respiratory medicine'),
  term('medical-biochemistry', 'Medisinsk biokjemi', 'Medical biochemistry'),
  term('medical-genetics', 'Medisinsk genetikk', 'Medical genetics'),
  term('medical-microbiology', 'Medisinsk mikrobiologi', 'Medical microbiology'),
  term('neurosurgery', 'Nevrokirurgi', 'Neurosurgery'),
  term('neurology', 'Nevrologi', 'Neurology'),
  term('nuclear-medicine', 'Nukleærmedisin', 'Nuclear medicine'),
  term('nephrology', 'Nyresykdommer', 'Nephrology'),
  term('oncology', 'Onkologi', 'Oncology'),
  term('orthopaedic-surgery', 'Ortopedisk kirurgi', 'Orthopaedic surgery'),
  term('pathology', 'Patologi', 'Pathology'),
  term('plastic-surgery', 'Plastikkirurgi', 'Plastic surgery'),
  term('psychiatry', 'Psykiatri', 'Psychiatry'),
  term('radiology', 'Radiologi', 'Radiology'),
  term('rheumatology', 'Revmatologi', 'Rheumatology'),
  term('addiction-medicine', 'Rus- og avhengighetsmedisin', 'Addiction medicine'),
  term('community-medicine', 'Samfunnsmedisin', 'Community medicine'),
  term('thoracic-surgery', 'Thoraxkirurgi', 'Thoracic surgery'),
  term('urology', 'Urologi', 'Urology'),
  term('otorhinolaryngology', 'Øre-nese-halssykdommer', 'Otorhinolaryngology'),
  term('ophthalmology', 'Øyesykdommer', 'Ophthalmology'),
  term('medical-student', 'Medisinstudent', 'Medical student'),
]);

/**
 * Languages a supporter may speak, by BCP 47 tag: Norway's official and
 * minority languages first, then the languages most spoken by immigrants and
 * by doctors trained abroad. `no` ("Norsk") exists beside `nb` and `nn`
 * because most people answer "Norwegian", and legacy profiles say so.
 */
export const LANGUAGES: readonly Term[] = Object.freeze([
  term('no', 'Norsk', 'Norwegian'),
  term('nb', 'Norsk bokmål', 'Norwegian Bokmål'),
  term('nn', 'Norsk nynorsk', 'Norwegian Nynorsk'),
  term('se', 'Nordsamisk', 'Northern Sami'),
  term('smj', 'Lulesamisk', 'Lule Sami'),
  term('sma', 'Sørsamisk', 'Southern Sami'),
  term('fkv', 'Kvensk', 'Kven'),
  term('nsl', 'Norsk tegnspråk', 'Norwegian Sign Language'),
  term('en', 'Engelsk', 'English'),
  term('sv', 'Svensk', 'Swedish'),
  term('da', 'Dansk', 'Danish'),
  term('fi', 'Finsk', 'Finnish'),
  term('is', 'Islandsk', 'Icelandic'),
  term('de', 'Tysk', 'German'),
  term('nl', 'Nederlandsk', 'Dutch'),
  term('fr', 'Fransk', 'French'),
  term('es', 'Spansk', 'Spanish'),
  term('pt', 'Portugisisk', 'Portuguese'),
  term('it', 'Italiensk', 'Italian'),
  term('el', 'Gresk', 'Greek'),
  term('pl', 'Polsk', 'Polish'),
  term('lt', 'Litauisk', 'Lithuanian'),
  term('lv', 'Latvisk', 'Latvian'),
  term('et', 'Estisk', 'Estonian'),
  term('cs', 'Tsjekkisk', 'Czech'),
  term('sk', 'Slovakisk', 'Slovak'),
  term('hu', 'Ungarsk', 'Hungarian'),
  term('ro', 'Rumensk', 'Romanian'),
  term('bg', 'Bulgarsk', 'Bulgarian'),
  term('hr', 'Kroatisk', 'Croatian'),
  term('bs', 'Bosnisk', 'Bosnian'),
  term('sr', 'Serbisk', 'Serbian'),
  term('sq', 'Albansk', 'Albanian'),
  term('ru', 'Russisk', 'Russian'),
  term('uk', 'Ukrainsk', 'Ukrainian'),
  term('tr', 'Tyrkisk', 'Turkish'),
  term('ku', 'Kurdisk', 'Kurdish'),
  term('ar', 'Arabisk', 'Arabic'),
  term('fa', 'Persisk', 'Persian'),
  term('prs', 'Dari', 'Dari'),
  term('ps', 'Pashto', 'Pashto'),
  term('ur', 'Urdu', 'Urdu'),
  term('pa', 'Panjabi', 'Punjabi'),
  term('hi', 'Hindi', 'Hindi'),
  term('bn', 'Bengali', 'Bengali'),
  term('ta', 'Tamil', 'Tamil'),
  term('so', 'Somali', 'Somali'),
  term('ti', 'Tigrinja', 'Tigrinya'),
  term('am', 'Amharisk', 'Amharic'),
  term('sw', 'Swahili', 'Swahili'),
  term('zh', 'Kinesisk', 'Chinese'),
  term('vi', 'Vietnamesisk', 'Vietnamese'),
  term('th', 'Thai', 'Thai'),
  term('tl', 'Tagalog', 'Tagalog'),
  term('ja', 'Japansk', 'Japanese'),
  term('ko', 'Koreansk', 'Korean'),
  term('he', 'Hebraisk', 'Hebrew'),
]);

/** Each profile field and the terms it takes. */
export const VOCABULARY: { readonly [F in VocabularyField]: readonly Term[] } = Object.freeze({
  county: COUNTIES,
  specialties: SPECIALTIES,
  languages: LANGUAGES,
});

/** The singular noun for one value of a field, as used in messages ("a known county"). */
export const VOCABULARY_NOUN: { readonly [F in VocabularyField]: string } = Object.freeze({
  county: 'county',
  specialties: 'specialty',
  languages: 'language',
});

/** Trimmed, NFC, inner whitespace collapsed, lower case: how labels are compared. */
function normalise(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const lookups = new WeakMap<readonly Term[], ReadonlyMap<string, string>>();

function lookupFor(terms: readonly Term[]): ReadonlyMap<string, string> {
  let lookup = lookups.get(terms);
  if (lookup === undefined) {
    const map = new Map<string, string>();
    // Codes first, so a label can never shadow another term's code.
    for (const t of terms) map.set(t.code, t.code);
    for (const t of terms) {
      for (const label of [t.nb, t.en]) {
        const key = normalise(label);
        if (!map.has(key)) map.set(key, t.code);
      }
    }
    lookup = map;
    lookups.set(terms, lookup);
  }
  return lookup;
}

/**
 * The code for a code or an nb/en label, case-insensitive (trimmed); undefined if none.
 *
 * @example
 * resolveTerm(SPECIALTIES, ' PSYKIATRI ') // 'psychiatry'
 * resolveTerm(COUNTIES, 'Narnia')         // undefined
 */
export function resolveTerm(terms: readonly Term[], value: string): string | undefined {
  return lookupFor(terms).get(normalise(value));
}

/**
 * Label of a code in a language; falls back to the code itself (e.g. a legacy "other: …" value).
 *
 * @example
 * termLabel(COUNTIES, 'more-og-romsdal', 'nb') // 'Møre og Romsdal'
 */
export function termLabel(terms: readonly Term[], code: string, language: 'nb' | 'en'): string {
  const found = terms.find((t) => t.code === code);
  return found === undefined ? code : found[language];
}

/** Whether a stored value is a legacy free-text value kept as `other: …`. */
export function isOtherValue(value: string): boolean {
  return value.startsWith(OTHER_PREFIX);
}
