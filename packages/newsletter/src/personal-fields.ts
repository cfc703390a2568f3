import { AppError } from '@qn/domain';

/**
 * Personal fields in a campaign's subject and body, filled per recipient from the subscriber
 * record the fan-out already reads (so no extra query per mail). Only fields that record
 * carries into the send job are offered; anything else is refused at save, so nothing is ever
 * sent with a literal `{{…}}` in it.
 */
export const PERSONAL_FIELDS = ['name'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type PersonalValues = Partial<Record<PersonalField, string>>;

/** Anything between double braces counts, so a typo such as `{{ Vor name }}` is named too. */
const FIELD = /{{\s*([^{}]*?)\s*}}/g;

/** A text split once per campaign: literals and fields alternate; a recipient costs a join. */
export type FieldParts = { literals: string[]; fields: PersonalField[] };

export function unknownPersonalFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const m of text.matchAll(FIELD))
    if (!(PERSONAL_FIELDS as readonly string[]).includes(m[1]!)) unknown.add(m[1]!);
  return [...unknown];
}

const allowed = PERSONAL_FIELDS.map((f) => `{{${f}}}`).join(', ');

/** The form-level issues for unknown placeholders, one per field of the form that has them. */
export function personalFieldIssues(
  texts: Record<string, string | undefined>,
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  for (const [field, text] of Object.entries(texts)) {
    if (!text) continue;
    const unknown = unknownPersonalFields(text);
    if (!unknown.length) continue;
    const named = unknown.map((u) => `{{${u}}}`).join(', ');
    issues.push({
      field,
      message:
        unknown.length === 1
          ? `Der Platzhalter ${named} ist unbekannt; erlaubt ist ${allowed}.`
          : `Die Platzhalter ${named} sind unbekannt; erlaubt ist ${allowed}.`,
    });
  }
  return issues;
}

export function assertKnownPersonalFields(texts: Record<string, string | undefined>): void {
  const issues = personalFieldIssues(texts);
  if (issues.length) throw AppError.validation(issues, issues[0]!.message);
}

export function compileFields(text: string): FieldParts {
  const literals: string[] = [];
  const fields: PersonalField[] = [];
  let last = 0;
  for (const m of text.matchAll(FIELD)) {
    if (!(PERSONAL_FIELDS as readonly string[]).includes(m[1]!)) continue;
    literals.push(text.slice(last, m.index));
    fields.push(m[1] as PersonalField);
    last = m.index! + m[0].length;
  }
  literals.push(text.slice(last));
  return { literals, fields };
}

/**
 * Fills the fields; `escape` is applied to each value (HTML parts pass escapeHtml). A missing
 * value leaves the field out together with the blank before it, so "Guten Tag {{name}}," reads
 * "Guten Tag," for someone who gave no name.
 */
export function fillFields(
  parts: FieldParts,
  values: PersonalValues,
  escape: (s: string) => string = (s) => s,
): string {
  if (parts.fields.length === 0) return parts.literals[0]!;
  let s = parts.literals[0]!;
  for (let i = 0; i < parts.fields.length; i++) {
    const v = values[parts.fields[i]!]?.trim();
    if (v) s += escape(v);
    else s = s.replace(/[ \t]+$/, '');
    s += parts.literals[i + 1]!;
  }
  return s;
}
