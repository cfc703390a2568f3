/**
 * The county's shared vocabulary. Keys are stable identifiers stored in the database;
 * labels are German first, English second.
 */
type Term = { key: string; de: string; en: string };

function keys<T extends readonly Term[]>(terms: T): [T[number]['key'], ...T[number]['key'][]] {
  return terms.map((t) => t.key) as [T[number]['key'], ...T[number]['key'][]];
}

export const FIELDS_OF_ACTION = [
  { key: 'wohnen', de: 'Wohnen', en: 'Housing' },
  { key: 'infrastruktur', de: 'Infrastruktur', en: 'Infrastructure' },
  { key: 'teilhabe', de: 'Teilhabe', en: 'Participation' },
  { key: 'praevention', de: 'Prävention', en: 'Prevention' },
  { key: 'gesundheit', de: 'Gesundheitliche Versorgung', en: 'Health care' },
  { key: 'pflege', de: 'Beratung, Pflege und Unterstützung', en: 'Counselling, care and support' },
  { key: 'mobilitaet', de: 'Mobilität', en: 'Mobility' },
  { key: 'digitalisierung', de: 'Digitalisierung', en: 'Digitalisation' },
  { key: 'engagement', de: 'Bürgerschaftliches Engagement', en: 'Civic engagement' },
] as const;
export const FIELD_OF_ACTION_KEYS = keys(FIELDS_OF_ACTION);
export type FieldOfAction = (typeof FIELDS_OF_ACTION)[number]['key'];

export const EVENT_KINDS = [
  { key: 'vernetzungstreffen', de: 'Vernetzungstreffen', en: 'Networking meeting' },
  { key: 'schulung', de: 'Schulung/Qualifizierung', en: 'Training' },
  { key: 'workshop', de: 'Workshop', en: 'Workshop' },
  { key: 'fachgespraech', de: 'Fachgespräch', en: 'Expert discussion' },
  { key: 'beteiligung', de: 'Beteiligungsformat', en: 'Participation format' },
  { key: 'auftakt', de: 'Auftaktveranstaltung', en: 'Kick-off event' },
] as const;
export const EVENT_KIND_KEYS = keys(EVENT_KINDS);
export type EventKind = (typeof EVENT_KINDS)[number]['key'];

export const ACTOR_TYPES = [
  { key: 'kommune', de: 'Kommune', en: 'Municipality' },
  { key: 'verein', de: 'Verein', en: 'Association' },
  { key: 'wohlfahrt', de: 'Wohlfahrtsverband', en: 'Welfare organisation' },
  { key: 'initiative', de: 'Initiative', en: 'Initiative' },
  { key: 'pflegeanbieter', de: 'Pflegeanbieter', en: 'Care provider' },
  { key: 'kirchengemeinde', de: 'Kirchengemeinde', en: 'Church parish' },
  { key: 'buerger', de: 'Engagierte Bürgerin / engagierter Bürger', en: 'Engaged citizen' },
] as const;
export const ACTOR_TYPE_KEYS = keys(ACTOR_TYPES);
export type ActorType = (typeof ACTOR_TYPES)[number]['key'];

/** Applicant types of funding programmes are the actor types: who may apply. */
export const APPLICANT_TYPE_KEYS = ACTOR_TYPE_KEYS;
export type ApplicantType = ActorType;

export const FUNDING_PROVIDERS = [
  { key: 'land', de: 'Land Baden-Württemberg', en: 'State of Baden-Württemberg' },
  { key: 'bund', de: 'Bund', en: 'Federal government' },
  { key: 'eu', de: 'Europäische Union', en: 'European Union' },
  { key: 'stiftung', de: 'Stiftung', en: 'Foundation' },
  { key: 'landkreis', de: 'Landkreis Esslingen', en: 'Esslingen County' },
] as const;
export const FUNDING_PROVIDER_KEYS = keys(FUNDING_PROVIDERS);
export type FundingProvider = (typeof FUNDING_PROVIDERS)[number]['key'];

export function labelOf(terms: readonly Term[], key: string, lang: 'de' | 'en' = 'de'): string {
  return terms.find((t) => t.key === key)?.[lang] ?? key;
}
