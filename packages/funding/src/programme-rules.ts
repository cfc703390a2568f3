import { createHash } from 'node:crypto';
import { AppError, FIELDS_OF_ACTION, FUNDING_PROVIDERS, labelOf, type FieldIssue } from '@qn/domain';
import { OPEN_END } from './calendar-date';
import { normaliseSearchText } from './search-text';
import type { ProgrammeDoc } from './models/programme';

type Shape = Pick<
  ProgrammeDoc,
  | 'title'
  | 'provider'
  | 'providerName'
  | 'programmeLine'
  | 'summary'
  | 'description'
  | 'fieldsOfAction'
  | 'applicantTypes'
  | 'region'
  | 'amount'
  | 'opensOn'
  | 'deadlines'
  | 'rolling'
>;

/** Rules across fields, checked on the whole programme after a create or a patch. */
export function assertProgrammeRules(p: Shape): void {
  const issues: FieldIssue[] = [];
  if (!p.rolling && p.deadlines.length === 0)
    issues.push({ field: 'deadlines', message: 'at least one deadline, or rolling: true' });
  if (p.region.scope === 'municipalities' && p.region.municipalities.length === 0)
    issues.push({ field: 'region.municipalities', message: 'name at least one municipality' });
  if (p.amount?.min !== undefined && p.amount.max !== undefined && p.amount.min > p.amount.max)
    issues.push({ field: 'amount', message: 'min must not exceed max' });
  const last = p.deadlines[p.deadlines.length - 1];
  if (p.opensOn && last && p.opensOn > last)
    issues.push({ field: 'opensOn', message: 'must not be after the last deadline' });
  if (issues.length) throw AppError.validation(issues);
}

/** Sorted, without duplicates: the stored form, so equal sets compare equal. */
export function normaliseDeadlines(deadlines: string[] | undefined): string[] {
  return [...new Set(deadlines ?? [])].sort();
}

/** The fields every write recomputes from the others. */
export function derivedFields(p: Shape): Pick<ProgrammeDoc, 'openUntil' | 'searchText'> {
  return {
    openUntil: p.rolling ? OPEN_END : (p.deadlines[p.deadlines.length - 1] ?? OPEN_END),
    searchText: normaliseSearchText(
      [
        p.title,
        p.programmeLine,
        p.providerName,
        labelOf(FUNDING_PROVIDERS, p.provider),
        p.summary,
        p.description,
        ...p.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f)),
      ]
        .filter(Boolean)
        .join(' '),
    ),
  };
}

/**
 * Whether a change of the application window is news for subscribers, and under which reason.
 * A deadline after the old last one is a new round; any other change of dates a moved deadline.
 * The reason names the new set of dates, so the same change never alerts twice.
 */
export function windowChange(
  before: Pick<ProgrammeDoc, 'deadlines' | 'rolling' | 'openUntil'>,
  after: Pick<ProgrammeDoc, 'deadlines' | 'rolling'>,
): { kind: 'deadline-changed' | 'new-round'; reason: string } | undefined {
  if (before.rolling === after.rolling && before.deadlines.join(',') === after.deadlines.join(','))
    return undefined;
  const kind =
    !before.rolling && after.deadlines.some((d) => d > before.openUntil) ? 'new-round' : 'deadline-changed';
  const digest = createHash('sha256')
    .update(`${after.rolling}|${after.deadlines.join(',')}`)
    .digest('hex')
    .slice(0, 12);
  return { kind, reason: `${kind}-${digest}` };
}
