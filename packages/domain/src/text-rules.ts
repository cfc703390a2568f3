import { AppError, type FieldIssue } from './errors';

// A UTF-16 half without its other half: not text, and it breaks JSON, mail and iCalendar output.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters other than tab and line breaks (NUL among them): matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A line break in a name or a title would split a mail header, a CSV row or an iCalendar line.
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** Why a text cannot be stored, or undefined when it can. */
export function textProblem(value: string, kind: 'line' | 'text'): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains an incomplete character (lone surrogate)';
  if (CONTROL.test(value)) return 'contains a control character';
  if (kind === 'line' && LINE_BREAK.test(value)) return 'must be a single line';
  return undefined;
}

/**
 * Refuses, naming every field, texts no page, mail, CSV or calendar can carry. For the domain
 * functions, which both the API and the web pages call.
 */
export function assertCleanText(fields: {
  line?: Record<string, string | undefined>;
  text?: Record<string, string | undefined>;
}): void {
  const issues: FieldIssue[] = [];
  for (const kind of ['line', 'text'] as const)
    for (const [field, value] of Object.entries(fields[kind] ?? {})) {
      const problem = value === undefined ? undefined : textProblem(value, kind);
      if (problem) issues.push({ field, message: problem });
    }
  if (issues.length) throw AppError.validation(issues);
}
