import { z } from 'zod';
import type { EventDoc } from '@qn/events';
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

/** An organiser registers someone who called: the person's consent is taken on the phone. */
export const onBehalfForm = z.object({
  name: formField.text(200),
  email: formField.email(),
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
  const l = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, t(v)])) as Record<string, string>;
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
        ${textField(form, { name: 'email', label: l.email!, type: 'email', required: true }, t)}
        ${textField(form, { name: 'organisation', label: l.organisation! }, t)}
        ${textField(form, { name: 'companions', label: l.companions!, type: 'number', min: 0, max: e.maxCompanions, inputmode: 'numeric' }, t)}
        ${textArea(form, { name: 'accessibilityNeeds', label: l.accessibilityNeeds!, rows: 3 }, t)}
        <p>${t('ce.reg.onBehalf.consent')}</p>
        <button type="submit">${t('ce.reg.onBehalf.submit')}</button>
      </form>`,
  };
}
