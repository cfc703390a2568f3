import type { z } from 'zod';
import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, MUNICIPALITIES } from '@qn/domain';
import type { ProgrammeDoc } from '@qn/funding';
import {
  checkboxField,
  choiceGroup,
  csrfField,
  errorSummary,
  html,
  selectField,
  textArea,
  textField,
  type FormState,
  type FormValue,
  type MessageKey,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';

type Values = Record<string, FormValue>;

const str = (v: FormValue): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
};
const list = (v: FormValue): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const num = (v: FormValue): number | undefined =>
  str(v) === undefined ? undefined : Number(str(v)!.replace(',', '.'));
const checked = (v: FormValue) => ['on', '1', 'true'].includes(str(v) ?? '');

/**
 * The flat form as the funding domain's input. The domain's own schema (createProgrammeInput /
 * updateProgrammeInput) then judges it, so every rule lives in one place.
 */
export function programmeInputOf(v: Values): Record<string, unknown> {
  const amount =
    num(v.amountMin) !== undefined || num(v.amountMax) !== undefined || str(v.amountNote)
      ? { min: num(v.amountMin), max: num(v.amountMax), note: str(v.amountNote) }
      : undefined;
  const contact =
    str(v.contactName) || str(v.contactEmail) || str(v.contactPhone)
      ? { name: str(v.contactName), email: str(v.contactEmail), phone: str(v.contactPhone) }
      : undefined;
  const deadlines = (str(v.deadlines) ?? '')
    .split(/[,;\s]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const scope = str(v.regionScope) ?? 'county';
  return {
    title: str(v.title) ?? '',
    provider: str(v.provider),
    providerName: str(v.providerName) ?? '',
    programmeLine: str(v.programmeLine),
    summary: str(v.summary) ?? '',
    description: str(v.description),
    fieldsOfAction: list(v.fieldsOfAction),
    applicantTypes: list(v.applicantTypes),
    region: { scope, municipalities: scope === 'municipalities' ? list(v.regionMunicipalities) : [] },
    amount,
    fundingRatePercent: num(v.fundingRatePercent),
    opensOn: str(v.opensOn),
    deadlines,
    rolling: checked(v.rolling),
    links: [{ label: str(v.linkLabel) ?? '', url: str(v.linkUrl) ?? '' }],
    contact,
  };
}

/** For an update, an emptied optional field is cleared (null), not left as it was. */
export function programmePatchOf(v: Values): Record<string, unknown> {
  const input = programmeInputOf(v);
  for (const k of ['programmeLine', 'description', 'amount', 'fundingRatePercent', 'opensOn', 'contact'])
    if (input[k] === undefined) input[k] = null;
  return input;
}

/** Where a domain issue path (`links.0.url`, `region.municipalities`) shows in the flat form. */
export function formFieldOf(path: readonly PropertyKey[] | string): string {
  const p = typeof path === 'string' ? path.split('.') : path.map(String);
  const [a, b, c] = p;
  if (a === 'links') return c === 'label' ? 'linkLabel' : 'linkUrl';
  if (a === 'region') return b === 'municipalities' ? 'regionMunicipalities' : 'regionScope';
  if (a === 'amount') return b === 'max' ? 'amountMax' : b === 'note' ? 'amountNote' : 'amountMin';
  if (a === 'contact') return b === 'email' ? 'contactEmail' : b === 'phone' ? 'contactPhone' : 'contactName';
  return a ?? '_form';
}

export function errorsOf(
  error: z.ZodError,
  message: (i: z.core.$ZodIssue) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[formFieldOf(issue.path)] ??= message(issue);
  return errors;
}

export function formValuesOfProgramme(p: ProgrammeDoc): Values {
  return {
    title: p.title,
    provider: p.provider,
    providerName: p.providerName,
    programmeLine: p.programmeLine,
    summary: p.summary,
    description: p.description,
    fieldsOfAction: p.fieldsOfAction,
    applicantTypes: p.applicantTypes,
    regionScope: p.region.scope,
    regionMunicipalities: p.region.municipalities,
    amountMin: p.amount?.min?.toString(),
    amountMax: p.amount?.max?.toString(),
    amountNote: p.amount?.note,
    fundingRatePercent: p.fundingRatePercent?.toString(),
    opensOn: p.opensOn,
    deadlines: p.deadlines.join(', '),
    rolling: p.rolling ? 'on' : undefined,
    linkLabel: p.links[0]?.label,
    linkUrl: p.links[0]?.url,
    contactName: p.contact?.name,
    contactEmail: p.contact?.email,
    contactPhone: p.contact?.phone,
  };
}

const labelKeys: Record<string, MessageKey> = {
  title: 'cf.f.title',
  provider: 'cf.f.provider',
  providerName: 'cf.f.providerName',
  programmeLine: 'cf.f.programmeLine',
  summary: 'cf.f.summary',
  description: 'cf.f.description',
  fieldsOfAction: 'cf.f.fieldsOfAction',
  applicantTypes: 'cf.f.applicantTypes',
  regionScope: 'cf.f.regionScope',
  regionMunicipalities: 'cf.f.regionMunicipalities',
  amountMin: 'cf.f.amountMin',
  amountMax: 'cf.f.amountMax',
  amountNote: 'cf.f.amountNote',
  fundingRatePercent: 'cf.f.fundingRatePercent',
  opensOn: 'cf.f.opensOn',
  deadlines: 'cf.f.deadlines',
  rolling: 'cf.f.rolling',
  linkLabel: 'cf.f.linkLabel',
  linkUrl: 'cf.f.linkUrl',
  contactName: 'cf.f.contactName',
  contactEmail: 'cf.f.contactEmail',
  contactPhone: 'cf.f.contactPhone',
};

export function renderProgrammeForm(
  ctx: PageContext,
  form: FormState,
  action: string,
  submit: string,
): SafeHtml {
  const { t, lang } = ctx;
  const l = Object.fromEntries(Object.entries(labelKeys).map(([k, v]) => [k, t(v)])) as Record<
    string,
    string
  >;
  const field = (name: string, extra: Partial<Parameters<typeof textField>[1]> = {}) =>
    textField(form, { name, label: l[name]!, ...extra }, t);
  return html`${errorSummary(form, l, t)}
    <form class="stack" method="post" action="${action}" novalidate>
      ${csrfField(ctx)} ${field('title', { required: true })}
      ${selectField(form, { name: 'provider', label: l.provider!, required: true, options: FUNDING_PROVIDERS.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
      ${field('providerName', { required: true })} ${field('programmeLine')}
      ${textArea(form, { name: 'summary', label: l.summary!, required: true, rows: 3 }, t)}
      ${textArea(form, { name: 'description', label: l.description!, rows: 8 }, t)}
      ${choiceGroup(form, { name: 'fieldsOfAction', label: l.fieldsOfAction!, required: true, compact: true, options: FIELDS_OF_ACTION.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
      ${choiceGroup(form, { name: 'applicantTypes', label: l.applicantTypes!, required: true, compact: true, options: ACTOR_TYPES.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
      ${choiceGroup(
        form,
        {
          name: 'regionScope',
          label: l.regionScope!,
          type: 'radio',
          options: [
            { value: 'state', label: t('cf.f.region.state') },
            { value: 'county', label: t('cf.f.region.county') },
            { value: 'municipalities', label: t('cf.f.region.municipalities') },
          ],
        },
        t,
      )}
      ${choiceGroup(form, { name: 'regionMunicipalities', label: l.regionMunicipalities!, compact: true, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
      ${field('amountMin', { inputmode: 'numeric' })} ${field('amountMax', { inputmode: 'numeric' })}
      ${field('amountNote')} ${field('fundingRatePercent', { inputmode: 'decimal' })}
      ${field('opensOn', { type: 'date' })} ${field('deadlines', { hint: t('cf.f.deadlinesHint') })}
      ${checkboxField(form, { name: 'rolling', label: l.rolling! }, t)}
      ${field('linkLabel', { required: true })} ${field('linkUrl', { type: 'url', required: true })}
      ${field('contactName')} ${field('contactEmail', { type: 'email' })}
      ${field('contactPhone', { type: 'tel' })}
      <button type="submit">${submit}</button>
    </form>`;
}
