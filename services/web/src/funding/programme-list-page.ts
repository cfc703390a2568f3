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
import { searchProgrammes, type ProgrammeDoc } from '@qn/funding';
import {
  checkboxField,
  formField,
  html,
  parseForm,
  selectField,
  textField,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { feedSubscribeLinks } from '../components/calendar-links';
import { pager } from '../components/pager';
import { fieldsLabel, providerLabel, statusLine } from './programme-view';

const PAGE_SIZE = 20;

export const programmeFilterForm = z.object({
  q: formField.optionalText(200),
  field: formField.optionalChoice(FIELD_OF_ACTION_KEYS),
  applicant: formField.optionalChoice(APPLICANT_TYPE_KEYS),
  municipality: formField.optionalChoice(MUNICIPALITY_KEYS),
  provider: formField.optionalChoice(FUNDING_PROVIDER_KEYS),
  open: formField.checkbox(),
  page: z.preprocess(
    (v) => (v === undefined || v === '' ? 1 : v),
    z.coerce.number().int().min(1).max(10_000),
  ),
});

function item(ctx: PageContext, p: ProgrammeDoc, today: string): SafeHtml {
  return html`<li>
    <h2><a href="/foerderprogramme/${p._id}">${p.title}</a></h2>
    <p class="meta">${providerLabel(ctx, p)} · ${p.providerName}</p>
    <p>${p.summary}</p>
    <p><strong>${statusLine(ctx, p, today)}</strong></p>
    <p class="meta">${fieldsLabel(ctx, p)}</p>
  </li>`;
}

/** Search and filters in a GET form (bookmarkable, no JavaScript), over the funding domain's search. */
export async function programmeListPage(
  ctx: PageContext,
  query: Record<string, unknown>,
  opts: { timeZone: string; publicUrl: string },
): Promise<{ page: Page; status: number }> {
  const { t, lang } = ctx;
  const parsed = parseForm(programmeFilterForm, query, t);
  let results: SafeHtml = html``;
  if (parsed.ok) {
    const f = parsed.data;
    const { items, total, today } = await searchProgrammes(
      {
        q: f.q,
        fieldOfAction: f.field,
        applicantType: f.applicant,
        municipality: f.municipality,
        provider: f.provider,
        openNow: f.open ? true : undefined,
        page: f.page,
        limit: PAGE_SIZE,
      },
      { timeZone: opts.timeZone },
    );
    results = html`<p role="status">${t('funding.count', { count: total })}</p>
      ${
        items.length
          ? html`<ul class="list">
              ${items.map((p) => item(ctx, p, today))}
            </ul>`
          : html`<p>${t('funding.none')}</p>`
      }
      ${pager(ctx, '/foerderprogramme', f.page, Math.max(1, Math.ceil(total / PAGE_SIZE)))}`;
  }
  const any = t('events.any');
  const form = parsed.form;
  return {
    status: parsed.ok ? 200 : 400,
    page: {
      title: t('funding.title'),
      section: 'funding',
      body: html`<h1>${t('funding.title')}</h1>
        <p>${t('funding.intro')}</p>
        <p><a class="button" href="/foerderprogramme/benachrichtigungen">${t('funding.alertsTeaser')}</a></p>
        <form
          class="filters"
          method="get"
          action="/foerderprogramme"
          role="search"
          aria-label="${t('funding.filters')}"
        >
          ${textField(form, { name: 'q', label: t('funding.q'), type: 'search' }, t)}
          ${selectField(form, { name: 'field', label: t('funding.field'), emptyLabel: any, options: FIELDS_OF_ACTION.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
          ${selectField(form, { name: 'applicant', label: t('funding.applicant'), emptyLabel: any, options: ACTOR_TYPES.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
          ${selectField(form, { name: 'municipality', label: t('funding.municipality'), emptyLabel: any, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
          ${selectField(form, { name: 'provider', label: t('funding.provider'), emptyLabel: any, options: FUNDING_PROVIDERS.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
          ${checkboxField(form, { name: 'open', label: t('funding.openNow') }, t)}
          <div class="actions">
            <button type="submit">${t('common.filter')}</button
            ><a href="/foerderprogramme">${t('common.resetFilters')}</a>
          </div>
        </form>
        ${results}
        ${feedSubscribeLinks(ctx, `${opts.publicUrl}/feeds/funding-deadlines.ics`, `Quartiersnetz – ${t('funding.deadlinesFeed')}`)}`,
    },
  };
}
