import { z } from 'zod';
import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, MUNICIPALITIES } from '@qn/domain';
import { escapeHtml } from '@qn/mail';
import type { SubscriptionView } from '@qn/funding';

function checkboxes(name: string, options: { key: string; label: string }[], chosen: string[]): string {
  return (
    `<fieldset><legend>${escapeHtml(legends[name]!)}</legend>` +
    options
      .map(
        (o) =>
          `<label><input type="checkbox" name="${name}" value="${escapeHtml(o.key)}"${chosen.includes(o.key) ? ' checked' : ''}> ${escapeHtml(o.label)}</label><br>`,
      )
      .join('') +
    '</fieldset>'
  );
}

const legends: Record<string, string> = {
  fieldsOfAction: 'Handlungsfelder (keine Auswahl = alle)',
  applicantTypes: 'Antragsberechtigte (keine Auswahl = alle)',
  municipalities: 'Kommunen (keine Auswahl = alle)',
  providers: 'Fördergeber (keine Auswahl = alle)',
};

/** The manage page: the current filters as a form that posts back to the same link. */
export function managePageHtml(v: SubscriptionView, saved: boolean): string {
  const f = v.filters;
  return [
    saved ? '<p role="status">Ihre Einstellungen sind gespeichert.</p>' : '',
    `<p>Benachrichtigungen an <strong>${escapeHtml(v.email)}</strong>.</p>`,
    '<form method="post">',
    checkboxes(
      'fieldsOfAction',
      FIELDS_OF_ACTION.map((t) => ({ key: t.key, label: t.de })),
      f.fieldsOfAction,
    ),
    checkboxes(
      'applicantTypes',
      ACTOR_TYPES.map((t) => ({ key: t.key, label: t.de })),
      f.applicantTypes,
    ),
    checkboxes(
      'providers',
      FUNDING_PROVIDERS.map((t) => ({ key: t.key, label: t.de })),
      f.providers,
    ),
    checkboxes(
      'municipalities',
      MUNICIPALITIES.map((m) => ({ key: m.key, label: m.name })),
      f.municipalities,
    ),
    `<p><label>Stichwörter (durch Komma getrennt) <input type="text" name="keywords" value="${escapeHtml(f.keywords.join(', '))}"></label></p>`,
    '<fieldset><legend>Häufigkeit</legend>',
    `<label><input type="radio" name="frequency" value="immediate"${v.frequency === 'immediate' ? ' checked' : ''}> sofort</label><br>`,
    `<label><input type="radio" name="frequency" value="weekly"${v.frequency === 'weekly' ? ' checked' : ''}> wöchentliche Zusammenfassung (montags)</label>`,
    '</fieldset>',
    `<p><label><input type="checkbox" name="reminders" value="on"${v.reminders ? ' checked' : ''}> an Antragsfristen erinnern</label></p>`,
    '<button type="submit">Speichern</button>',
    '</form>',
  ].join('');
}

const formList = z.union([z.string().max(100), z.array(z.string().max(100)).max(100)]).optional();

/**
 * The manage page's form as posted: only its own fields, and the frequency it always sends (a
 * radio button with one checked). Anything else is a 400 before anything changes, since an
 * unchecked box reads as "none" and a body of unknown fields would otherwise clear every filter.
 */
export const manageForm = z.strictObject({
  fieldsOfAction: formList,
  applicantTypes: formList,
  municipalities: formList,
  providers: formList,
  keywords: z.string().max(1000).optional(),
  frequency: z.enum(['immediate', 'weekly']),
  reminders: z.literal('on').optional(),
});

/** A posted manage form, shaped like the JSON patch. */
export function formToPatch(body: z.infer<typeof manageForm>): Record<string, unknown> {
  const arr = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return {
    filters: {
      fieldsOfAction: arr(body.fieldsOfAction),
      applicantTypes: arr(body.applicantTypes),
      municipalities: arr(body.municipalities),
      providers: arr(body.providers),
      keywords: (body.keywords ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    },
    frequency: body.frequency,
    reminders: body.reminders === 'on',
  };
}
