import { AUDIT_EXPORT_MAX, type AuditEntryView } from '@qn/audit';
import {
  errorSummary,
  formatDateTime,
  formPageTitle,
  html,
  selectField,
  tableRegion,
  textField,
  type FormState,
  type Option,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { pager } from '../../components/pager';
import type { ObjectRef } from './audit-objects';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, actionLabel, auditWords, objectTypeLabel } from './audit-words';

export const CONSOLE_AUDIT = '/konsole/protokoll';

export type AuditAccount = { id: string; email: string; name?: string };
export type AuditChoices = { accounts: AuditAccount[]; organisations: { id: string; name: string }[] };

export type AuditResults = {
  items: AuditEntryView[];
  total: number;
  page: number;
  pages: number;
  refs: Map<string, ObjectRef>;
};

/** Options sorted by their words; a value chosen by URL but not among them still shows, raw. */
function optionsOf(labels: Record<string, string>, current: string | undefined, lang: 'de' | 'en'): Option[] {
  const opts = Object.entries(labels).map(([value, label]) => ({ value, label }));
  if (current && !(current in labels)) opts.push({ value: current, label: current });
  return opts.sort((a, b) => a.label.localeCompare(b.label, lang));
}

const single = (v: FormState['values'][string]) => (typeof v === 'string' ? v : undefined);

export function actorText(ctx: PageContext, accounts: Map<string, AuditAccount>, id: string): string {
  return accounts.get(id)?.email ?? auditWords[ctx.lang].unknownAccount;
}

function entryRow(
  ctx: PageContext,
  e: AuditEntryView,
  accounts: Map<string, AuditAccount>,
  refs: Map<string, ObjectRef>,
  timeZone: string,
): SafeHtml {
  const ref = refs.get(`${e.objectType}|${e.objectId}`);
  const type = objectTypeLabel(ctx.lang, e.objectType);
  const objectName = ref?.name ? html`${type}: ${ref.name}` : html`${type} <code>${e.objectId}</code>`;
  const known = accounts.has(e.actorAccountId);
  return html`<tr>
    <td><time datetime="${e.at}">${formatDateTime(new Date(e.at), ctx.lang, timeZone)}</time></td>
    <td>
      ${known ? actorText(ctx, accounts, e.actorAccountId) : html`<em>${actorText(ctx, accounts, e.actorAccountId)}</em>`}
    </td>
    <td>${actionLabel(ctx.lang, e.action)}</td>
    <td>${ref?.href ? html`<a href="${ref.href}">${objectName}</a>` : objectName}</td>
    <td>${(e.fields ?? []).join(', ')}</td>
  </tr>`;
}

/**
 * The admins' audit log: a GET form of filters (bookmarkable, no JavaScript), the entries of one
 * page newest first, and the same selection as CSV.
 */
export function auditLogPage(
  ctx: PageContext,
  form: FormState,
  choices: AuditChoices,
  results: AuditResults | undefined,
  timeZone: string,
): Page {
  const { t, lang } = ctx;
  const w = auditWords[lang];
  const labelsOf = (m: Record<string, Record<'de' | 'en', string>>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[lang]]));
  const accounts = new Map(choices.accounts.map((a) => [a.id, a]));
  const fieldLabels = {
    who: w.who,
    action: w.what,
    type: w.objectType,
    org: w.organisation,
    from: w.from,
    to: w.to,
    page: w.title,
  };
  const query = new URLSearchParams(ctx.query);
  query.delete('page');
  const csvHref = `${CONSOLE_AUDIT}.csv${query.size ? `?${query}` : ''}`;
  return {
    title: formPageTitle(form, w.title, t),
    section: 'console',
    body: html`<h1>${w.title}</h1>
      ${consoleNav(ctx, 'audit')}
      <p>${w.intro}</p>
      ${errorSummary(form, fieldLabels, t)}
      <form class="filters" method="get" action="${CONSOLE_AUDIT}" role="search" aria-label="${w.filters}">
        ${selectField(form, { name: 'who', label: w.who, emptyLabel: w.anyone, options: choices.accounts.map((a) => ({ value: a.id, label: a.name ? `${a.email} (${a.name})` : a.email })) }, t)}
        ${selectField(form, { name: 'action', label: w.what, emptyLabel: w.anyAction, options: optionsOf(labelsOf(AUDIT_ACTIONS), single(form.values.action), lang) }, t)}
        ${selectField(form, { name: 'type', label: w.objectType, emptyLabel: w.anyObjectType, options: optionsOf(labelsOf(AUDIT_OBJECT_TYPES), single(form.values.type), lang) }, t)}
        ${selectField(form, { name: 'org', label: w.organisation, emptyLabel: w.anyOrganisation, options: choices.organisations.map((o) => ({ value: o.id, label: o.name })) }, t)}
        ${textField(form, { name: 'from', label: w.from, hint: w.dateHint, inputmode: 'numeric', maxlength: 10 }, t)}
        ${textField(form, { name: 'to', label: w.to, hint: w.dateHint, inputmode: 'numeric', maxlength: 10 }, t)}
        <div class="actions">
          <button type="submit">${w.apply}</button><a href="${CONSOLE_AUDIT}">${w.reset}</a>
        </div>
      </form>
      ${results ? resultsPart(ctx, results, accounts, timeZone, csvHref) : ''}`,
  };
}

function resultsPart(
  ctx: PageContext,
  r: AuditResults,
  accounts: Map<string, AuditAccount>,
  timeZone: string,
  csvHref: string,
): SafeHtml {
  const w = auditWords[ctx.lang];
  return html`<p role="status">${w.count(r.total)}</p>
    ${r.total ? html`<p><a href="${csvHref}" download>${w.download}</a></p>` : ''}
    ${r.total > AUDIT_EXPORT_MAX ? html`<p class="hint">${w.downloadCapped(AUDIT_EXPORT_MAX)}</p>` : ''}
    ${
      r.items.length
        ? tableRegion(
            w.table,
            html`<table>
              <caption class="visually-hidden">
                ${w.table}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${w.col.at}</th>
                  <th scope="col">${w.col.who}</th>
                  <th scope="col">${w.col.action}</th>
                  <th scope="col">${w.col.object}</th>
                  <th scope="col">${w.col.fields}</th>
                </tr>
              </thead>
              <tbody>
                ${r.items.map((e) => entryRow(ctx, e, accounts, r.refs, timeZone))}
              </tbody>
            </table>`,
          )
        : html`<p>${w.none}</p>`
    }
    ${pager(ctx, CONSOLE_AUDIT, r.page, r.pages)}`;
}
