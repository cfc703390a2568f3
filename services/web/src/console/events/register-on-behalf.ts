import { z } from 'zod';
import { PHONE_MAX, POSTAL_ADDRESS_MAX, type EventDoc } from '@qn/events';
import {
  csrfField,
  errorSummary,
  formField,
  formPageTitle,
  html,
  textArea,
  textField,
  type FormState,
  type MessageKey,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { attendeeWords } from './attendee-words';
import { answerLabels, questionFields } from '../../events/question-fields';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * An organiser registers someone who called: the person's consent is taken on the phone. The
 * e-mail address may be missing when a phone number or postal address is given instead (the
 * route checks that one of them is there).
 */
export const onBehalfForm = z.object({
  name: formField.text(200),
  email: z.preprocess(blank, formField.email().optional()),
  phone: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(PHONE_MAX)
      .refine((v) => /^\+?[0-9][0-9 ()/.-]*[0-9]$/.test(v), 'validation.invalid')
      .optional(),
  ),
  postalAddress: formField.optionalText(POSTAL_ADDRESS_MAX),
  organisation: formField.optionalText(200),
  companions: formField.int(0, 10),
  accessibilityNeeds: formField.optionalText(1_000),
});

const labels: Record<string, MessageKey> = {
  name: 'ce.attendee.name',
  email: 'ce.f.contactEmail',
  organisation: 'ce.attendee.organisation',
  companions: 'ce.attendee.companions',
  accessibilityNeeds: 'ce.attendee.needs',
};

export function onBehalfPage(ctx: PageContext, e: EventDoc, form: FormState, action: string): Page {
  const { t } = ctx;
  const w = attendeeWords[ctx.lang];
  const l = {
    ...Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, t(v)])),
    phone: w.phone,
    postalAddress: w.postalAddress,
    ...answerLabels(e.questions),
  } as Record<string, string>;
  const title = t('ce.reg.onBehalf');
  return {
    title: formPageTitle(form, title, t),
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'events')}
      <p>${e.title}</p>
      ${errorSummary(form, l, t)}
      <form class="stack" method="post" action="${action}" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'name', label: l.name!, required: true, maxlength: 200 }, t)}
        ${textField(form, { name: 'email', label: l.email!, type: 'email', hint: w.emailHint, autocomplete: 'off' }, t)}
        ${textField(form, { name: 'phone', label: w.phone, type: 'tel', maxlength: PHONE_MAX, autocomplete: 'off' }, t)}
        ${textArea(form, { name: 'postalAddress', label: w.postalAddress, hint: w.postalAddressHint, rows: 3, maxlength: POSTAL_ADDRESS_MAX }, t)}
        ${textField(form, { name: 'organisation', label: l.organisation! }, t)}
        ${textField(form, { name: 'companions', label: l.companions!, type: 'number', min: 0, max: e.maxCompanions, inputmode: 'numeric' }, t)}
        ${textArea(form, { name: 'accessibilityNeeds', label: l.accessibilityNeeds!, rows: 3 }, t)}
        ${questionFields(ctx, form, e.questions, { markRequired: false })}
        <p>${t('ce.reg.onBehalf.consent')}</p>
        <button type="submit">${t('ce.reg.onBehalf.submit')}</button>
      </form>`,
  };
}
