import { z } from 'zod';
import { textProblem, type FieldIssue } from '@qn/domain';
import type { MessageKey, Translate } from './i18n';

export type FormValue = string | string[] | undefined;

/** What a form shows: the values as entered (kept on error) and one message per field. */
export type FormState = { values: Record<string, FormValue>; errors: Record<string, string> };

export function emptyForm(values: Record<string, FormValue> = {}): FormState {
  return { values, errors: {} };
}

/** Only the visible fields travel back into the form, never `_csrf` or unknown keys' objects. */
export function formValuesFrom(body: unknown): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

function isMessageKey(m: string): m is MessageKey {
  return /^validation\.\w+$/.test(m);
}

/** zod's issue codes to plain-language messages, in the page's language. */
export function messageOfIssue(issue: z.core.$ZodIssue, t: Translate): string {
  if (isMessageKey(issue.message)) return t(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.expected === 'number' ? 'validation.number' : 'validation.required');
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('validation.required')
        : issue.origin === 'array'
          ? t('validation.required')
          : t('validation.tooShort', { min: String(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choice');
    case 'custom':
      return issue.message;
    default:
      return t('validation.invalid');
  }
}

export type ParsedForm<T> = { ok: true; data: T; form: FormState } | { ok: false; form: FormState };

/** Parses a urlencoded body; on failure returns the entered values and one message per field. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: Translate,
): ParsedForm<z.infer<S>> {
  const values = formValuesFrom(body);
  const r = schema.safeParse(body ?? {});
  if (r.success) return { ok: true, data: r.data, form: { values, errors: {} } };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= messageOfIssue(issue, t);
  }
  return { ok: false, form: { values, errors } };
}

/** A domain's validation error (AppError fields) shown beside the same fields. */
export function withFieldIssues(
  form: FormState,
  fields: FieldIssue[] | undefined,
  fallback: string,
): FormState {
  const errors = { ...form.errors };
  for (const f of fields ?? []) errors[f.field.split('.')[0] || '_form'] ??= f.message;
  if (Object.keys(errors).length === 0) errors._form = fallback;
  return { values: form.values, errors };
}

/**
 * A date (and time) that exists, in years the office works with: `2027-02-30` would otherwise
 * roll over to 2 March without a word, and `0001` or `9999` are typing slips.
 */
export function isRealLocalDate(value: string): boolean {
  const [y, mo, d, h = 0, mi = 0] = value.split(/[-T:]/).map(Number) as number[];
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h, mi));
  return (
    y! >= 2000 &&
    y! <= 2100 &&
    at.getUTCFullYear() === y &&
    at.getUTCMonth() === mo! - 1 &&
    at.getUTCDate() === d &&
    h < 24 &&
    mi < 60
  );
}

/** Schema pieces for urlencoded forms, where every value is a string and empty means absent. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const formField = {
  text: (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((v) => !textProblem(v, 'text'), 'validation.invalid'),
  optionalText: (max: number) =>
    z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(max)
        .refine((v) => !textProblem(v, 'text'), 'validation.invalid')
        .optional(),
    ),
  email: () => z.string().trim().min(1).max(254).pipe(z.email()),
  /** Checkbox groups send nothing, one string or many. */
  multi: <T extends string>(values: readonly [T, ...T[]]) =>
    z.preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(values)).max(values.length),
    ),
  choice: <T extends string>(values: readonly [T, ...T[]]) => z.preprocess(blankToUndefined, z.enum(values)),
  optionalChoice: <T extends string>(values: readonly [T, ...T[]]) =>
    z.preprocess(blankToUndefined, z.enum(values).optional()),
  checkbox: () => z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
  /** A checkbox that must be ticked (consent). */
  consent: () =>
    z.preprocess(
      (v) => v === 'on' || v === '1' || v === 'true',
      z.literal(true, { error: 'validation.consent' }),
    ),
  optionalInt: (min: number, max: number) =>
    z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional()),
  int: (min: number, max: number) =>
    z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max)),
  /** `<input type="datetime-local">` gives `YYYY-MM-DDTHH:mm` in the office's time zone. */
  localDateTime: () =>
    z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.date')
        .refine(isRealLocalDate, 'validation.date'),
    ),
  optionalLocalDateTime: () =>
    z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.date')
        .refine(isRealLocalDate, 'validation.date')
        .optional(),
    ),
  optionalLocalDate: () =>
    z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
        .refine(isRealLocalDate, 'validation.date')
        .optional(),
    ),
};
