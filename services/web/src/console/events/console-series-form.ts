import { z } from 'zod';
import type { SeriesDate, SeriesSchedule } from '@qn/events';
import {
  choiceGroup,
  formField,
  formatDateTime,
  html,
  selectField,
  textField,
  type FormState,
  type Lang,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { eventForm, type EventFormData } from './event-form';
import { seriesWords } from './console-series-words';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().regex(DATE, 'validation.date').optional(),
);

/**
 * The event form plus the rule. Start and end give the first day (the rule's dates begin on or
 * after it), the time of day and the length; `seriesId` is issued with the form so that a
 * repeated submit creates the same series.
 */
export const seriesForm = eventForm.extend({
  seriesId: z.string().regex(/^[0-9a-f]{24}$/),
  freq: formField.choice(['weekly', 'monthly-weekday', 'monthly-day'] as const),
  weekday: formField.optionalChoice(['1', '2', '3', '4', '5', '6', '7'] as const),
  nth: formField.optionalChoice(['1', '2', '3', '4', '-1'] as const),
  day: formField.optionalInt(1, 31),
  until: optionalDate,
  count: formField.optionalInt(1, 52),
  step: formField.optionalChoice(['preview'] as const),
});
export type SeriesFormData = z.infer<typeof seriesForm>;

/** Form fields named by the domain's schedule rules. */
export const scheduleFieldToForm: Record<string, string> = {
  rule: 'freq',
  firstDate: 'startsAt',
  startTime: 'startsAt',
  durationMinutes: 'endsAt',
};

/**
 * The schedule the form describes, or the form fields in error (in the page's words). Start
 * and end are wall-clock values, so the time and the length are read from them directly.
 */
export function scheduleOf(
  d: Pick<EventFormData, 'startsAt' | 'endsAt'> & SeriesFormData,
  lang: Lang,
): { schedule: SeriesSchedule } | { issues: { field: string; message: string }[] } {
  const w = seriesWords[lang];
  const issues: { field: string; message: string }[] = [];
  const weekday = d.weekday ? (Number(d.weekday) as 1 | 2 | 3 | 4 | 5 | 6 | 7) : undefined;
  if (d.freq !== 'monthly-day' && !weekday) issues.push({ field: 'weekday', message: w.fieldIssue.weekday! });
  if (d.freq === 'monthly-weekday' && !d.nth) issues.push({ field: 'nth', message: w.fieldIssue.nth! });
  if (d.freq === 'monthly-day' && !d.day) issues.push({ field: 'day', message: w.fieldIssue.day! });
  if ((d.until === undefined) === (d.count === undefined))
    issues.push({ field: 'until', message: w.endRequired });
  if (d.registrationClosesAt)
    issues.push({ field: 'registrationClosesAt', message: w.registrationClosesAtRefused });
  const minutes = (Date.parse(`${d.endsAt}:00Z`) - Date.parse(`${d.startsAt}:00Z`)) / 60_000;
  if (minutes > 24 * 60) issues.push({ field: 'endsAt', message: w.lengthRefused });
  if (issues.length) return { issues };
  const rule =
    d.freq === 'weekly'
      ? { freq: 'weekly' as const, weekday: weekday! }
      : d.freq === 'monthly-weekday'
        ? { freq: 'monthly-weekday' as const, weekday: weekday!, nth: Number(d.nth) as 1 | 2 | 3 | 4 | -1 }
        : { freq: 'monthly-day' as const, day: d.day! };
  return {
    schedule: {
      rule,
      firstDate: d.startsAt.slice(0, 10),
      startTime: d.startsAt.slice(11, 16),
      durationMinutes: minutes,
      until: d.until,
      count: d.count,
    },
  };
}

export function seriesLabels(lang: Lang): Record<string, string> {
  const w = seriesWords[lang];
  return { freq: w.freq, weekday: w.weekday, nth: w.nth, day: w.day, until: w.until, count: w.count };
}

/** The rule's fields and, once asked for, the dates it yields; both inside the event form. */
export function seriesFields(
  ctx: PageContext,
  form: FormState,
  opts: { seriesId: string; preview?: SeriesDate[]; timeZone: string },
): SafeHtml {
  const w = seriesWords[ctx.lang];
  const { t } = ctx;
  const l = seriesLabels(ctx.lang);
  return html`<h2>${w.section}</h2>
    <p class="hint">${w.sectionHint}</p>
    <input type="hidden" name="seriesId" value="${opts.seriesId}" />
    ${choiceGroup(
      form,
      {
        name: 'freq',
        label: l.freq!,
        type: 'radio',
        required: true,
        options: [
          { value: 'weekly', label: w.freqWeekly },
          { value: 'monthly-weekday', label: w.freqMonthlyWeekday },
          { value: 'monthly-day', label: w.freqMonthlyDay },
        ],
      },
      t,
    )}
    ${selectField(
      form,
      {
        name: 'weekday',
        label: l.weekday!,
        emptyLabel: '–',
        options: w.weekdays.map((name, i) => ({ value: String(i + 1), label: name })),
      },
      t,
    )}
    ${selectField(
      form,
      {
        name: 'nth',
        label: l.nth!,
        emptyLabel: '–',
        options: ['1', '2', '3', '4', '-1'].map((n) => ({ value: n, label: w.nths[n]! })),
      },
      t,
    )}
    ${textField(form, { name: 'day', label: l.day!, type: 'number', min: 1, max: 31, inputmode: 'numeric', hint: w.dayHint }, t)}
    ${textField(form, { name: 'until', label: l.until!, type: 'date', hint: w.endHint }, t)}
    ${textField(form, { name: 'count', label: l.count!, type: 'number', min: 1, max: 52, inputmode: 'numeric' }, t)}
    <p><button type="submit" name="step" value="preview" class="secondary">${w.previewButton}</button></p>
    ${
      opts.preview
        ? html`<section aria-labelledby="series-preview">
            <h2 id="series-preview">${w.previewTitle(opts.preview.length)}</h2>
            <p>${w.previewHint}</p>
            <ol class="series-preview">
              ${opts.preview.map((d) => html`<li>${formatDateTime(d.startsAt, ctx.lang, opts.timeZone)}</li>`)}
            </ol>
          </section>`
        : ''
    }`;
}
