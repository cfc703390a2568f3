import { z } from 'zod';
import {
  EVENT_KINDS,
  EVENT_KIND_KEYS,
  FIELDS_OF_ACTION,
  FIELD_OF_ACTION_KEYS,
  MUNICIPALITIES,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import type { EventDoc, EventFields } from '@qn/events';
import {
  checkboxField,
  choiceGroup,
  csrfField,
  errorSummary,
  formField,
  fromLocalInput,
  html,
  selectField,
  textArea,
  textField,
  toLocalInput,
  type FormState,
  type MessageKey,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';

/** "168, 24, 2" (hours before the start) ⇄ reminder offsets in minutes, as the API keeps them. */
const HOURS = /^\d{1,3}(?:\.\d{1,2})?$/;
export function reminderHoursOf(minutes: readonly number[]): string {
  return minutes.map((m) => String(Math.round((m / 60) * 100) / 100)).join(', ');
}
const reminderHours = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z
    .string()
    .trim()
    .max(100)
    .transform((v) => (v === '' ? [] : v.split(/[\s,;]+/).filter(Boolean)))
    .refine((parts) => parts.length <= 5 && parts.every((p) => HOURS.test(p)), 'ce.f.reminderHours.invalid')
    .transform((parts) => [...new Set(parts.map((p) => Math.round(Number(p) * 60)))].sort((a, b) => b - a))
    .refine((mins) => mins.every((m) => m >= 5 && m <= 60 * 24 * 30), 'ce.f.reminderHours.invalid'),
);

/** The organiser's event form, flat as HTML forms are; limits as the events API has them. */
export const eventForm = z.object({
  organisationId: formField.optionalText(100),
  title: formField.text(200),
  description: formField.text(10_000),
  kind: formField.choice(EVENT_KIND_KEYS),
  fieldsOfAction: formField.multi(FIELD_OF_ACTION_KEYS).refine((a) => a.length > 0, 'validation.required'),
  municipality: formField.choice(MUNICIPALITY_KEYS),
  venueName: formField.text(200),
  venueStreet: formField.optionalText(200),
  venuePostalCode: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, 'validation.invalid')
      .optional(),
  ),
  venueCity: formField.optionalText(100),
  onlineUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
  ),
  startsAt: formField.localDateTime(),
  endsAt: formField.localDateTime(),
  capacity: formField.int(1, 10_000),
  waitlistEnabled: formField.checkbox(),
  promotionMode: formField.choice(['automatic', 'offer'] as const),
  offerHours: formField.int(1, 14 * 24),
  maxCompanions: formField.int(0, 10),
  reminderHours,
  registrationClosesAt: formField.optionalLocalDateTime(),
  audience: formField.optionalText(500),
  accessibility: formField.optionalText(2_000),
  contactName: formField.text(200),
  contactEmail: formField.email(),
  contactPhone: formField.optionalText(50),
});
export type EventFormData = z.infer<typeof eventForm>;

/** Form data → the events domain's fields (instants from the office's wall-clock times). */
export function eventFieldsOf(d: EventFormData, timeZone: string): EventFields {
  return {
    title: d.title,
    description: d.description,
    kind: d.kind,
    fieldsOfAction: d.fieldsOfAction,
    municipality: d.municipality,
    venue: { name: d.venueName, street: d.venueStreet, postalCode: d.venuePostalCode, city: d.venueCity },
    onlineUrl: d.onlineUrl,
    startsAt: fromLocalInput(d.startsAt, timeZone),
    endsAt: fromLocalInput(d.endsAt, timeZone),
    capacity: d.capacity,
    waitlistEnabled: d.waitlistEnabled,
    promotionMode: d.promotionMode,
    offerHours: d.offerHours,
    maxCompanions: d.maxCompanions,
    registrationClosesAt: d.registrationClosesAt
      ? fromLocalInput(d.registrationClosesAt, timeZone)
      : undefined,
    audience: d.audience,
    accessibility: d.accessibility,
    contact: { name: d.contactName, email: d.contactEmail, phone: d.contactPhone },
    reminderOffsetsMinutes: d.reminderHours,
  };
}

/** A stored event as form values, for the edit page. */
export function formValuesOfEvent(e: EventDoc, timeZone: string): FormState['values'] {
  return {
    organisationId: e.organisationId,
    title: e.title,
    description: e.description,
    kind: e.kind,
    fieldsOfAction: e.fieldsOfAction,
    municipality: e.municipality,
    venueName: e.venue.name,
    venueStreet: e.venue.street,
    venuePostalCode: e.venue.postalCode,
    venueCity: e.venue.city,
    onlineUrl: e.onlineUrl,
    startsAt: toLocalInput(e.startsAt, timeZone),
    endsAt: toLocalInput(e.endsAt, timeZone),
    capacity: String(e.capacity),
    waitlistEnabled: e.waitlistEnabled ? 'on' : undefined,
    promotionMode: e.promotionMode,
    offerHours: String(e.offerHours),
    maxCompanions: String(e.maxCompanions),
    reminderHours: reminderHoursOf(e.reminderOffsetsMinutes),
    registrationClosesAt: e.registrationClosesAt ? toLocalInput(e.registrationClosesAt, timeZone) : undefined,
    audience: e.audience,
    accessibility: e.accessibility,
    contactName: e.contact.name,
    contactEmail: e.contact.email,
    contactPhone: e.contact.phone,
  };
}

/** The domain names nested fields (`venue.name`, `contact.email`); the form has them flat. */
export const domainFieldToForm: Record<string, string> = {
  'venue.name': 'venueName',
  'venue.street': 'venueStreet',
  'venue.postalCode': 'venuePostalCode',
  'venue.city': 'venueCity',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
  registrationOpensAt: 'registrationClosesAt',
  reminderOffsetsMinutes: 'reminderHours',
};

const labelKeys: Record<string, MessageKey> = {
  organisationId: 'ce.f.organisationId',
  title: 'ce.f.title',
  description: 'ce.f.description',
  kind: 'ce.f.kind',
  fieldsOfAction: 'ce.f.fieldsOfAction',
  municipality: 'ce.f.municipality',
  venueName: 'ce.f.venueName',
  venueStreet: 'ce.f.venueStreet',
  venuePostalCode: 'ce.f.venuePostalCode',
  venueCity: 'ce.f.venueCity',
  onlineUrl: 'ce.f.onlineUrl',
  startsAt: 'ce.f.startsAt',
  endsAt: 'ce.f.endsAt',
  capacity: 'ce.f.capacity',
  waitlistEnabled: 'ce.f.waitlistEnabled',
  promotionMode: 'ce.f.promotionMode',
  offerHours: 'ce.f.offerHours',
  maxCompanions: 'ce.f.maxCompanions',
  reminderHours: 'ce.f.reminderHours',
  registrationClosesAt: 'ce.f.registrationClosesAt',
  audience: 'ce.f.audience',
  accessibility: 'ce.f.accessibility',
  contactName: 'ce.f.contactName',
  contactEmail: 'ce.f.contactEmail',
  contactPhone: 'ce.f.contactPhone',
};

export function renderEventForm(
  ctx: PageContext,
  form: FormState,
  opts: {
    action: string;
    submit: string;
    organisations?: { id: string; name: string }[];
    /** More fields before the submit button (a series' rule), with their labels for the summary. */
    extra?: { labels: Record<string, string>; fields: SafeHtml };
  },
): SafeHtml {
  const { t, lang } = ctx;
  const l = {
    ...Object.fromEntries(Object.entries(labelKeys).map(([k, v]) => [k, t(v)])),
    ...opts.extra?.labels,
  } as Record<string, string>;
  const field = (name: string, extra: Partial<Parameters<typeof textField>[1]> = {}) =>
    textField(form, { name, label: l[name]!, ...extra }, t);
  return html`${errorSummary(form, l, t)}
    <form class="stack" method="post" action="${opts.action}" novalidate>
      ${csrfField(ctx)}
      <h2>${t('ce.section.basics')}</h2>
      ${
        opts.organisations
          ? selectField(
              form,
              {
                name: 'organisationId',
                label: l.organisationId!,
                required: true,
                options: opts.organisations.map((o) => ({ value: o.id, label: o.name })),
              },
              t,
            )
          : ''
      }
      ${field('title', { required: true, maxlength: 200 })}
      ${textArea(form, { name: 'description', label: l.description!, required: true, rows: 8 }, t)}
      ${selectField(form, { name: 'kind', label: l.kind!, required: true, options: EVENT_KINDS.map((k) => ({ value: k.key, label: k[lang] })) }, t)}
      ${choiceGroup(form, { name: 'fieldsOfAction', label: l.fieldsOfAction!, required: true, compact: true, options: FIELDS_OF_ACTION.map((f) => ({ value: f.key, label: f[lang] })) }, t)}
      ${field('audience')}
      <h2>${t('ce.section.when')}</h2>
      ${field('startsAt', { type: 'datetime-local', required: true, hint: t('ce.f.dateHint') })}
      ${field('endsAt', { type: 'datetime-local', required: true, hint: t('ce.f.dateHint') })}
      ${selectField(form, { name: 'municipality', label: l.municipality!, required: true, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
      ${field('venueName', { required: true })} ${field('venueStreet', { autocomplete: 'street-address' })}
      ${field('venuePostalCode', { autocomplete: 'postal-code', inputmode: 'numeric' })}
      ${field('venueCity', { autocomplete: 'address-level2' })} ${field('onlineUrl', { type: 'url' })}
      ${textArea(form, { name: 'accessibility', label: l.accessibility!, rows: 3 }, t)}
      <h2>${t('ce.section.registration')}</h2>
      ${field('capacity', { type: 'number', required: true, min: 1, max: 10000, inputmode: 'numeric' })}
      ${checkboxField(form, { name: 'waitlistEnabled', label: l.waitlistEnabled! }, t)}
      ${choiceGroup(
        form,
        {
          name: 'promotionMode',
          label: l.promotionMode!,
          type: 'radio',
          options: [
            { value: 'automatic', label: t('ce.f.promotion.automatic') },
            { value: 'offer', label: t('ce.f.promotion.offer') },
          ],
        },
        t,
      )}
      ${field('offerHours', { type: 'number', min: 1, max: 336, inputmode: 'numeric', hint: t('ce.f.offerHours.hint') })}
      ${field('maxCompanions', { type: 'number', min: 0, max: 10, inputmode: 'numeric' })}
      ${field('registrationClosesAt', { type: 'datetime-local', hint: t('ce.f.dateHint') })}
      ${field('reminderHours', { hint: t('ce.f.reminderHours.hint') })}
      <h2>${t('ce.section.contact')}</h2>
      ${field('contactName', { required: true, autocomplete: 'name' })}
      ${field('contactEmail', { type: 'email', required: true, autocomplete: 'email' })}
      ${field('contactPhone', { type: 'tel', autocomplete: 'tel' })} ${opts.extra?.fields ?? ''}
      <button type="submit">${opts.submit}</button>
    </form>`;
}
