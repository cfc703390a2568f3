import {
  ACTOR_TYPES,
  FIELDS_OF_ACTION,
  MUNICIPALITY_KEYS,
  municipalityKey,
  normaliseEmail,
} from '@qn/domain';
import type { ImportMode } from './import-subscribers';

/** What is wrong with one cell, as codes: the API words them in English, the console in German. */
export type ImportProblem =
  | { column: 'email'; code: 'invalid' }
  | { column: 'municipality' | 'actorType' | 'fieldsOfAction'; code: 'unknown'; value: string }
  | { column: 'lang'; code: 'invalid' }
  | { column: 'consentAt'; code: 'required' | 'future' };

export type CheckedRow = {
  email: string;
  name?: string;
  municipality?: string;
  actorType?: string;
  fieldsOfAction: string[];
  lang: 'de' | 'en';
  consentAt?: Date;
  consentTextVersion?: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Keys, German and English labels alike: "Verein", "verein", "Association". */
function vocabulary(
  terms: readonly { key: string; de: string; en: string }[],
  extra: Record<string, string> = {},
) {
  const m = new Map<string, string>();
  for (const t of terms) for (const label of [t.key, t.de, t.en]) m.set(municipalityKey(label), t.key);
  for (const [label, key] of Object.entries(extra)) m.set(municipalityKey(label), key);
  return (v: string) => m.get(municipalityKey(v));
}

const actorTypeOf = vocabulary(ACTOR_TYPES, {
  'Engagierte Bürgerin': 'buerger',
  'Engagierter Bürger': 'buerger',
  Bürgerin: 'buerger',
  Bürger: 'buerger',
  Wohlfahrtsorganisation: 'wohlfahrt',
  Gemeinde: 'kommune',
  Stadt: 'kommune',
});
const fieldOfActionOf = vocabulary(FIELDS_OF_ACTION, { Gesundheit: 'gesundheit', Pflege: 'pflege' });

/**
 * Fields of action separated by `|` or `;`, or by commas, which the German labels contain
 * themselves ("Beratung, Pflege und Unterstützung"): comma pieces are joined back while the
 * longest join names a field.
 */
export function fieldsOfActionOf(cell: string): { keys: string[]; unknown: string[] } {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[|;]/)) {
    const pieces = part.split(',').map((p) => p.trim());
    let i = 0;
    while (i < pieces.length) {
      let j = pieces.length;
      let key: string | undefined;
      for (; j > i; j--) {
        key = fieldOfActionOf(pieces.slice(i, j).join(', '));
        if (key) break;
      }
      if (key) {
        keys.push(key);
        i = j;
      } else {
        if (pieces[i]) unknown.push(pieces[i]!);
        i++;
      }
    }
  }
  return { keys: [...new Set(keys)], unknown };
}

export function municipalityOf(v: string): string | undefined {
  const key = MUNICIPALITY_KEYS.includes(v) ? v : municipalityKey(v);
  return MUNICIPALITY_KEYS.includes(key) ? key : undefined;
}

/** ISO dates, or German ones as spreadsheets write them: 31.10.2026 or 31.10.2026 14:30. */
export function consentDateOf(v: string): Date | undefined {
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/.exec(v.trim());
  const d = de
    ? new Date(Date.UTC(+de[3]!, +de[2]! - 1, +de[1]!, +(de[4] ?? 0), +(de[5] ?? 0)))
    : new Date(v);
  if (Number.isNaN(d.getTime())) return undefined;
  if (de && d.getUTCDate() !== +de[1]!) return undefined;
  return d;
}

/** One row of an import, checked; the problems if it cannot go in. */
export function checkImportRow(
  rec: Record<string, string>,
  opts: { mode: ImportMode; listLang: 'de' | 'en'; now: Date },
): { row: CheckedRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const email = normaliseEmail(rec.email ?? '');
  if (!EMAIL.test(email) || email.length > 254) problems.push({ column: 'email', code: 'invalid' });
  let municipality: string | undefined;
  if (rec.municipality) {
    municipality = municipalityOf(rec.municipality);
    if (!municipality) problems.push({ column: 'municipality', code: 'unknown', value: rec.municipality });
  }
  let actorType: string | undefined;
  if (rec.actorType) {
    actorType = actorTypeOf(rec.actorType);
    if (!actorType) problems.push({ column: 'actorType', code: 'unknown', value: rec.actorType });
  }
  const fields = fieldsOfActionOf(rec.fieldsOfAction ?? '');
  if (fields.unknown.length)
    problems.push({ column: 'fieldsOfAction', code: 'unknown', value: fields.unknown.join(', ') });
  const lang = rec.lang ? rec.lang.toLowerCase() : opts.listLang;
  if (lang !== 'de' && lang !== 'en') problems.push({ column: 'lang', code: 'invalid' });
  let consentAt: Date | undefined;
  if (opts.mode === 'consented') {
    consentAt = rec.consentAt ? consentDateOf(rec.consentAt) : undefined;
    if (!consentAt) problems.push({ column: 'consentAt', code: 'required' });
    else if (consentAt.getTime() > opts.now.getTime()) problems.push({ column: 'consentAt', code: 'future' });
  }
  return {
    row: {
      email,
      name: rec.name || undefined,
      municipality,
      actorType,
      fieldsOfAction: fields.keys,
      lang: lang as 'de' | 'en',
      consentAt,
      consentTextVersion: rec.consentTextVersion || undefined,
    },
    problems,
  };
}

/** The API's words for a problem (kept as they were before the codes). */
export function problemText(p: ImportProblem): string {
  switch (p.column) {
    case 'email':
      return 'email: not an e-mail address';
    case 'municipality':
      return `municipality: unknown "${p.value}"`;
    case 'actorType':
      return `actor_type: unknown "${p.value}"`;
    case 'fieldsOfAction':
      return `fields_of_action: unknown ${p.value}`;
    case 'lang':
      return 'lang: de or en';
    case 'consentAt':
      return p.code === 'required'
        ? 'consent_at: a date is required for consented imports'
        : 'consent_at: in the future';
  }
}
