import { fromLocalInput, type FormState } from '@qn/web-ui';
import type { AuditFilter } from '@qn/audit';
import type { AuditWords } from './audit-words';

/** The audit page's GET parameters; the names are the form's field names. */
export const AUDIT_FILTER_FIELDS = ['who', 'action', 'type', 'org', 'from', 'to'] as const;

const ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * `03.12.2026` (how people here write a date), `3.12.2026`, or `2026-12-03` (what a native date
 * input sends); a date that does not exist (31.02.) is refused instead of rolling over.
 */
export function parseDate(value: string): { y: number; m: number; d: number } | undefined {
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = de ? [+de[3]!, +de[2]!, +de[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight at the start of that day in the office's time zone. */
function startOfDay(p: { y: number; m: number; d: number }, timeZone: string): Date {
  return fromLocalInput(`${p.y}-${pad(p.m)}-${pad(p.d)}T00:00`, timeZone);
}

function nextDay(p: { y: number; m: number; d: number }): { y: number; m: number; d: number } {
  const n = new Date(Date.UTC(p.y, p.m - 1, p.d + 1));
  return { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate() };
}

export type ParsedAuditFilter =
  | { ok: true; filter: Omit<AuditFilter, 'pageSize'> & { page: number }; form: FormState }
  | { ok: false; form: FormState };

/**
 * The filters from the query string, as a form: values kept as entered, one message per wrong
 * field. "Bis" includes the whole day named, so from = to shows that one day.
 */
export function parseAuditFilter(
  query: Record<string, unknown>,
  words: AuditWords,
  timeZone: string,
): ParsedAuditFilter {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const text = (name: string): string | undefined => {
    const v = query[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') {
      errors[name] = words.badChoice;
      return undefined;
    }
    values[name] = v;
    return v.trim() || undefined;
  };
  const id = (name: string) => {
    const v = text(name);
    if (v !== undefined && !ID.test(v)) errors[name] = words.badChoice;
    return v;
  };
  const who = id('who');
  const action = id('action');
  const objectType = id('type');
  const organisationId = id('org');
  const fromText = text('from');
  const toText = text('to');
  const from = fromText === undefined ? undefined : parseDate(fromText);
  const to = toText === undefined ? undefined : parseDate(toText);
  if (fromText !== undefined && !from) errors.from = words.badDate;
  if (toText !== undefined && !to) errors.to = words.badDate;
  if (from && to && Date.UTC(to.y, to.m - 1, to.d) < Date.UTC(from.y, from.m - 1, from.d))
    errors.to = words.toBeforeFrom;
  const pageText = text('page');
  const page = pageText === undefined ? 1 : Number(pageText);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) errors.page = words.badPage;
  if (Object.keys(errors).length) return { ok: false, form: { values, errors } };
  return {
    ok: true,
    form: { values, errors },
    filter: {
      actorAccountId: who,
      action,
      objectType,
      organisationId,
      from: from ? startOfDay(from, timeZone) : undefined,
      to: to ? startOfDay(nextDay(to), timeZone) : undefined,
      page,
    },
  };
}
