import { z } from 'zod';
import {
  ACTOR_TYPES,
  APPLICANT_TYPE_KEYS,
  FIELDS_OF_ACTION,
  FIELD_OF_ACTION_KEYS,
  FUNDING_PROVIDERS,
  FUNDING_PROVIDER_KEYS,
  MUNICIPALITIES,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import { subscriptionFiltersInput, type SubscriptionFilters, type SubscriptionView } from '@qn/funding';
import {
  checkboxField,
  choiceGroup,
  formField,
  html,
  textField,
  type FormState,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';

/** Keywords arrive as one comma-separated text; the funding domain's schema judges the list. */
const keywords = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  subscriptionFiltersInput.shape.keywords,
);

const filterFields = {
  fieldsOfAction: formField.multi(FIELD_OF_ACTION_KEYS),
  applicantTypes: formField.multi(APPLICANT_TYPE_KEYS),
  municipalities: formField.multi(MUNICIPALITY_KEYS),
  providers: formField.multi(FUNDING_PROVIDER_KEYS),
  keywords,
  frequency: formField.choice(['immediate', 'weekly'] as const),
  reminders: formField.checkbox(),
};

export const alertManageForm = z.object(filterFields);
export const alertSubscribeForm = z.object({
  email: formField.email(),
  ...filterFields,
  consent: formField.consent(),
});

export function filtersFromForm(d: z.infer<typeof alertManageForm>): SubscriptionFilters {
  return {
    fieldsOfAction: d.fieldsOfAction,
    applicantTypes: d.applicantTypes,
    municipalities: d.municipalities,
    providers: d.providers,
    keywords: d.keywords,
  };
}

/** A stored subscription as form values, for the manage page. */
export function formValuesOf(v: SubscriptionView): FormState['values'] {
  return {
    fieldsOfAction: v.filters.fieldsOfAction,
    applicantTypes: v.filters.applicantTypes,
    municipalities: v.filters.municipalities,
    providers: v.filters.providers,
    keywords: v.filters.keywords.join(', '),
    frequency: v.frequency,
    reminders: v.reminders ? 'on' : undefined,
  };
}

export function alertLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    email: t('alerts.email'),
    fieldsOfAction: t('alerts.fields'),
    applicantTypes: t('alerts.applicants'),
    municipalities: t('alerts.municipalities'),
    providers: t('alerts.providers'),
    keywords: t('alerts.keywords'),
    frequency: t('alerts.frequency'),
    reminders: t('alerts.reminders'),
    consent: t('alerts.consent'),
  };
}

/** The filter fields shared by sign-up and manage page. */
export function alertFilterFields(ctx: PageContext, form: FormState): SafeHtml {
  const { t, lang } = ctx;
  const l = alertLabels(ctx);
  const all = t('alerts.allHint');
  return html`${choiceGroup(form, { name: 'fieldsOfAction', label: l.fieldsOfAction!, hint: all, compact: true, options: FIELDS_OF_ACTION.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
  ${choiceGroup(form, { name: 'applicantTypes', label: l.applicantTypes!, hint: all, compact: true, options: ACTOR_TYPES.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
  ${choiceGroup(form, { name: 'providers', label: l.providers!, hint: all, compact: true, options: FUNDING_PROVIDERS.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
  ${choiceGroup(form, { name: 'municipalities', label: l.municipalities!, hint: all, compact: true, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
  ${textField(form, { name: 'keywords', label: l.keywords!, hint: t('alerts.keywordsHint') }, t)}
  ${choiceGroup(
    form,
    {
      name: 'frequency',
      label: l.frequency!,
      type: 'radio',
      options: [
        { value: 'immediate', label: t('alerts.frequency.immediate') },
        { value: 'weekly', label: t('alerts.frequency.weekly') },
      ],
    },
    t,
  )}
  ${checkboxField(form, { name: 'reminders', label: l.reminders! }, t)}`;
}
