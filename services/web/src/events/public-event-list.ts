import { z } from 'zod';
import {
  EVENT_KINDS,
  EVENT_KIND_KEYS,
  FIELDS_OF_ACTION,
  FIELD_OF_ACTION_KEYS,
  MUNICIPALITIES,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import { listPublicEvents, type PublicEvent } from '@qn/events';
import {
  formField,
  fromLocalInput,
  html,
  parseForm,
  selectField,
  textField,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { feedSubscribeLinks } from '../components/calendar-links';
import { pager } from '../components/pager';
import { metaLine, seatsBadge, whenText, whereText } from './event-view';

export const PAGE_SIZE = 20;

export const eventFilterForm = z.object({
  q: formField.optionalText(200),
  municipality: formField.optionalChoice(MUNICIPALITY_KEYS),
  field: formField.optionalChoice(FIELD_OF_ACTION_KEYS),
  kind: formField.optionalChoice(EVENT_KIND_KEYS),
  from: formField.optionalLocalDate(),
  page: z.preprocess(
    (v) => (v === undefined || v === '' ? 1 : v),
    z.coerce.number().int().min(1).max(10_000),
  ),
});

function eventItem(ctx: PageContext, e: PublicEvent, tz: string): SafeHtml {
  return html`<li>
    <h2><a href="/veranstaltungen/${e.id}">${e.title}</a></h2>
    <p class="meta">${metaLine(ctx, e)}</p>
    <p><strong>${whenText(ctx, e, tz)}</strong><br />${whereText(ctx, e)}</p>
    <p>${seatsBadge(ctx, e)}</p>
  </li>`;
}

/** The public calendar: filters in a GET form (bookmarkable, no JavaScript), results, feed links. */
export async function eventListPage(
  ctx: PageContext,
  query: Record<string, unknown>,
  opts: { timeZone: string; publicUrl: string },
): Promise<{ page: Page; status: number }> {
  const { t } = ctx;
  const lang = ctx.lang;
  const parsed = parseForm(eventFilterForm, query, t);
  const form: FormState = parsed.form;
  let results: SafeHtml = html``;
  let feedQuery = new URLSearchParams();
  if (parsed.ok) {
    const f = parsed.data;
    const { items, total } = await listPublicEvents({
      q: f.q,
      municipality: f.municipality,
      fieldOfAction: f.field,
      kind: f.kind,
      from: f.from ? fromLocalInput(`${f.from}T00:00`, opts.timeZone) : undefined,
      page: f.page,
      pageSize: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    results = html`<p role="status">${t('events.count', { count: total })}</p>
      ${
        items.length
          ? html`<ul class="list">
              ${items.map((e) => eventItem(ctx, e, opts.timeZone))}
            </ul>`
          : html`<p>${t('events.none')}</p>`
      }
      ${pager(ctx, '/veranstaltungen', f.page, pages)}`;
    feedQuery = new URLSearchParams(
      Object.entries({ municipality: f.municipality, field: f.field, kind: f.kind }).filter(
        (kv): kv is [string, string] => !!kv[1],
      ),
    );
  }
  const any = t('events.any');
  // A phone shows the events first: the filters fold away unless one is set (or wrong).
  const filterSet =
    !parsed.ok || ['q', 'municipality', 'field', 'kind', 'from'].some((k) => !!form.values[k]);
  const feedUrl = `${opts.publicUrl}/feeds/events.ics${feedQuery.size ? `?${feedQuery}` : ''}`;
  return {
    status: parsed.ok ? 200 : 400,
    page: {
      title: t('events.title'),
      section: 'events',
      body: html`<h1>${t('events.title')}</h1>
        <p>${t('events.intro')}</p>
        <details class="filter-box" ${filterSet ? html` open` : ''}>
          <summary>${t('events.filters')}</summary>
          <form
            class="filters"
            method="get"
            action="/veranstaltungen"
            role="search"
            aria-label="${t('events.filters')}"
          >
            ${textField(form, { name: 'q', label: t('events.q'), type: 'search' }, t)}
            ${selectField(form, { name: 'municipality', label: t('events.municipality'), emptyLabel: any, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
            ${selectField(form, { name: 'field', label: t('events.field'), emptyLabel: any, options: FIELDS_OF_ACTION.map((f) => ({ value: f.key, label: f[lang] })) }, t)}
            ${selectField(form, { name: 'kind', label: t('events.kind'), emptyLabel: any, options: EVENT_KINDS.map((k) => ({ value: k.key, label: k[lang] })) }, t)}
            ${textField(form, { name: 'from', label: t('events.from'), type: 'date' }, t)}
            <div class="actions">
              <button type="submit">${t('common.filter')}</button
              ><a href="/veranstaltungen">${t('common.resetFilters')}</a>
            </div>
          </form>
        </details>
        ${results} ${feedSubscribeLinks(ctx, feedUrl, `Quartiersnetz – ${t('events.title')}`)}`,
    },
  };
}
