import { AppError, instantOfWallClock, wallClockOf, type FieldIssue } from '@qn/domain';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How a series repeats. `monthly-weekday` with `nth: -1` is the last such weekday of the month.
 * `monthly-day` skips months without that day (the 31st falls out in 30-day months), as
 * RFC 5545's BYMONTHDAY does, so no date lands on a day the organiser did not name.
 */
export type SeriesRule =
  | { freq: 'weekly'; weekday: Weekday }
  | { freq: 'monthly-weekday'; weekday: Weekday; nth: 1 | 2 | 3 | 4 | -1 }
  | { freq: 'monthly-day'; day: number };

/** A series' schedule in the office's wall-clock time; the instants follow DST. */
export type SeriesSchedule = {
  rule: SeriesRule;
  /** `YYYY-MM-DD`: the first date is the first one on or after it that fits the rule. */
  firstDate: string;
  /** `HH:mm` local time of every date. */
  startTime: string;
  durationMinutes: number;
  /** `YYYY-MM-DD`, inclusive. Exactly one of `until` and `count`. */
  until?: string;
  count?: number;
};

export const MAX_OCCURRENCES = 52;
/** The last date may lie at most this many days after the first. */
export const MAX_SPAN_DAYS = 2 * 366;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** Days since the epoch of a real calendar date, or undefined (`2026-02-30` is not one). */
function dayOf(value: string | undefined): number | undefined {
  const m = value === undefined ? null : DATE.exec(value);
  if (!m) return undefined;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  return new Date(t).toISOString().slice(0, 10) === value ? t / DAY_MS : undefined;
}

function isoWeekday(day: number): Weekday {
  return (((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1) as Weekday;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The instant of a wall-clock time in `timeZone`; the offset is the one in force at that time. */
export function instantOf(day: number, minutes: number, timeZone: string): Date {
  return instantOfWallClock(day * DAY_MS + minutes * 60_000, timeZone);
}

/** The schedule's problems, each naming its field; empty when it is sound. */
export function scheduleIssues(s: Partial<SeriesSchedule>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rule = s.rule;
  const wd = (w: unknown) => Number.isInteger(w) && (w as number) >= 1 && (w as number) <= 7;
  if (!rule || !['weekly', 'monthly-weekday', 'monthly-day'].includes(rule.freq))
    issues.push({ field: 'rule', message: 'must be weekly, monthly-weekday or monthly-day' });
  else if (rule.freq !== 'monthly-day' && !wd(rule.weekday))
    issues.push({ field: 'weekday', message: 'must be 1 (Monday) to 7 (Sunday)' });
  if (rule?.freq === 'monthly-weekday' && ![1, 2, 3, 4, -1].includes(rule.nth))
    issues.push({ field: 'nth', message: 'must be 1 to 4, or -1 for the last' });
  if (rule?.freq === 'monthly-day' && !(Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 31))
    issues.push({ field: 'day', message: 'must be 1 to 31' });
  const first = dayOf(s.firstDate);
  if (first === undefined) issues.push({ field: 'firstDate', message: 'must be a date (YYYY-MM-DD)' });
  if (!s.startTime || !TIME.test(s.startTime))
    issues.push({ field: 'startTime', message: 'must be a time (HH:mm)' });
  if (!Number.isInteger(s.durationMinutes) || s.durationMinutes! < 5 || s.durationMinutes! > 24 * 60)
    issues.push({ field: 'durationMinutes', message: 'must be 5 to 1440 minutes' });
  if ((s.until === undefined) === (s.count === undefined))
    issues.push({ field: 'until', message: 'give either an end date or a number of dates' });
  else if (s.until !== undefined) {
    const until = dayOf(s.until);
    if (until === undefined) issues.push({ field: 'until', message: 'must be a date (YYYY-MM-DD)' });
    else if (first !== undefined && until < first)
      issues.push({ field: 'until', message: 'must not be before firstDate' });
    else if (first !== undefined && until - first > MAX_SPAN_DAYS)
      issues.push({ field: 'until', message: 'must be within two years of firstDate' });
  } else if (!Number.isInteger(s.count) || s.count! < 1 || s.count! > MAX_OCCURRENCES)
    issues.push({ field: 'count', message: `must be 1 to ${MAX_OCCURRENCES}` });
  return issues;
}

function fits(rule: SeriesRule, day: number): boolean {
  const d = new Date(day * DAY_MS);
  if (rule.freq === 'weekly') return isoWeekday(day) === rule.weekday;
  if (rule.freq === 'monthly-day') return d.getUTCDate() === rule.day;
  if (isoWeekday(day) !== rule.weekday) return false;
  const date = d.getUTCDate();
  if (rule.nth === -1) return date + 7 > daysInMonth(d.getUTCFullYear(), d.getUTCMonth());
  return Math.ceil(date / 7) === rule.nth;
}

/**
 * The series' dates as instants, in order. Throws a validation error naming the field when the
 * schedule is unsound or yields no date, more than `MAX_OCCURRENCES`, or a date beyond the span.
 */
export function seriesDates(s: SeriesSchedule, timeZone: string): { startsAt: Date; endsAt: Date }[] {
  const issues = scheduleIssues(s);
  if (issues.length) throw AppError.validation(issues);
  const first = dayOf(s.firstDate)!;
  const last = s.until !== undefined ? dayOf(s.until)! : first + MAX_SPAN_DAYS;
  const [hh, mm] = s.startTime.split(':').map(Number) as [number, number];
  const minutes = hh * 60 + mm;
  const days: number[] = [];
  // Day by day is at most 733 steps and needs no month arithmetic that could drift.
  for (let day = first; day <= last; day++) {
    if (!fits(s.rule, day)) continue;
    days.push(day);
    if (s.count !== undefined && days.length === s.count) break;
    if (days.length > MAX_OCCURRENCES) break;
  }
  if (days.length > MAX_OCCURRENCES)
    throw AppError.validation([
      { field: 'until', message: `yields more than ${MAX_OCCURRENCES} dates; choose an earlier end` },
    ]);
  if (s.count !== undefined && days.length < s.count)
    throw AppError.validation([{ field: 'count', message: 'that many dates do not fit within two years' }]);
  if (days.length === 0) throw AppError.validation([{ field: 'until', message: 'yields no date' }]);
  return days.map((day) => {
    const startsAt = instantOf(day, minutes, timeZone);
    return { startsAt, endsAt: new Date(startsAt.getTime() + s.durationMinutes * 60_000) };
  });
}

/** `YYYY-MM-DD` and `HH:mm` of an instant on the office's wall clock. */
export function localDateTimeOf(d: Date, timeZone: string): { date: string; time: string } {
  const iso = new Date(wallClockOf(d, timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The same local date at another time of day (for "all future dates start at 19:00"). */
export function atLocalTime(d: Date, time: string, timeZone: string): Date {
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return instantOf(dayOf(localDateTimeOf(d, timeZone).date)!, hh * 60 + mm, timeZone);
}
