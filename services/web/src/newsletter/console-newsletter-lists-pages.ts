import {
  MANUAL_SUPPRESSION_REASONS,
  type BounceKind,
  type BounceRow,
  type SuppressionRow,
} from '@qn/newsletter';
import {
  attrs,
  csrfField,
  errorSummary,
  formatDateTime,
  formPageTitle,
  html,
  notice,
  selectField,
  tableRegion,
  textField,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console/console-layout';
import { CN } from './console-newsletter-pages';
import { listsWords } from './newsletter-lists-words';

export const SUPPRESSIONS = `${CN}/sperrliste`;
export const BOUNCES = `${CN}/bounces`;

/** A hash is long and means nothing to people: its start is enough to tell rows apart. */
const shortHash = (h: string) => h.slice(0, 12);

type Paged = { total: number; page: number; pages: number };

function pager(ctx: PageContext, p: Paged, hrefOf: (page: number) => string, pageSize: number): SafeHtml {
  const w = listsWords[ctx.lang];
  const capped = p.total > p.pages * pageSize;
  return html`<p>${w.count(p.total)} · ${w.pageOf(p.page, p.pages)}</p>
    ${capped ? html`<p class="hint">${w.capped(p.pages * pageSize)}</p>` : ''}
    ${
      p.pages > 1
        ? html`<nav aria-label="${w.pagination}">
            <ul class="actions">
              ${p.page > 1 ? html`<li><a href="${hrefOf(p.page - 1)}" rel="prev">${w.previous}</a></li>` : ''}
              ${p.page < p.pages ? html`<li><a href="${hrefOf(p.page + 1)}" rel="next">${w.next}</a></li>` : ''}
            </ul>
          </nav>`
        : ''
    }`;
}

function reasonText(ctx: PageContext, r: SuppressionRow): string {
  const w = listsWords[ctx.lang];
  return r.note ? `${w.reasons[r.reason]}: ${w.notes[r.note]}` : w.reasons[r.reason];
}

export type CheckResult = { row: SuppressionRow | null };

export function suppressionsPage(
  ctx: PageContext,
  data: Paged & { rows: SuppressionRow[]; reason?: string; pageSize: number },
  opts: {
    tz: string;
    checkForm: FormState;
    addForm: FormState;
    checked?: CheckResult;
    message?: string;
  },
): Page {
  const { t } = ctx;
  const w = listsWords[ctx.lang];
  const reasons = Object.keys(w.reasons) as (keyof typeof w.reasons)[];
  const hrefOf = (page: number) =>
    `${SUPPRESSIONS}?${new URLSearchParams({ ...(data.reason ? { grund: data.reason } : {}), seite: String(page) })}`;
  const checked = opts.checked;
  return {
    title: formPageTitle(
      { ...opts.addForm, errors: { ...opts.checkForm.errors, ...opts.addForm.errors } },
      w.suppressions,
      t,
    ),
    section: 'console',
    body: html`<h1>${w.suppressions}</h1>
      ${consoleNav(ctx, 'newsletter')} ${opts.message ? notice(opts.message) : ''}
      ${errorSummary(opts.checkForm, { checkEmail: w.checkEmail }, t)}
      ${errorSummary(opts.addForm, { email: w.addEmail, reason: w.addReason }, t)}
      <p>${w.suppressionsIntro}</p>
      <p><a href="${BOUNCES}">${w.bounces}</a> · <a href="${CN}">${w.back}</a></p>
      <section aria-labelledby="check-title">
        <h2 id="check-title">${w.check}</h2>
        ${
          checked
            ? notice(
                checked.row
                  ? w.checkedYes(
                      reasonText(ctx, checked.row),
                      w.sources[checked.row.source],
                      formatDateTime(checked.row.at, ctx.lang, opts.tz),
                    )
                  : w.checkedNo,
                checked.row ? 'warning' : 'info',
              )
            : ''
        }
        ${
          checked?.row
            ? html`<p>
                <a href="${SUPPRESSIONS}/${checked.row.addressHash}/entfernen"
                  >${w.removeLabel(shortHash(checked.row.addressHash))}</a
                >
              </p>`
            : ''
        }
        <form class="stack" method="post" action="${SUPPRESSIONS}/pruefen" novalidate>
          ${csrfField(ctx)}
          ${textField(opts.checkForm, { name: 'checkEmail', label: w.checkEmail, hint: w.checkHint, type: 'email', required: true }, t)}
          <button type="submit" class="secondary">${w.checkButton}</button>
        </form>
      </section>
      <section aria-labelledby="add-title">
        <h2 id="add-title">${w.add}</h2>
        <form class="stack" method="post" action="${SUPPRESSIONS}" novalidate>
          ${csrfField(ctx)}
          ${textField(opts.addForm, { name: 'email', label: w.addEmail, hint: w.addHint, type: 'email', required: true }, t)}
          ${selectField(
            opts.addForm,
            {
              name: 'reason',
              label: w.addReason,
              required: true,
              options: MANUAL_SUPPRESSION_REASONS.map((r) => ({ value: r, label: w.notes[r] })),
            },
            t,
          )}
          <button type="submit">${w.addButton}</button>
        </form>
      </section>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title">${w.entries}</h2>
        <form class="inline-form" method="get" action="${SUPPRESSIONS}">
          <label for="f-grund">${w.filter}</label>
          <select id="f-grund" name="grund">
            <option value="">${w.allReasons}</option>
            ${reasons.map((r) => html`<option${attrs({ value: r, selected: data.reason === r })}>${w.reasons[r]}</option>`)}
          </select>
          <button type="submit" class="secondary">${w.filterButton}</button>
        </form>
        ${pager(ctx, data, hrefOf, data.pageSize)}
        ${
          data.rows.length
            ? tableRegion(
                w.suppressions,
                html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${w.hash}</th>
                      <th scope="col">${w.reason}</th>
                      <th scope="col">${w.source}</th>
                      <th scope="col">${w.since}</th>
                      <th scope="col">${w.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${data.rows.map(
                      (r) =>
                        html`<tr>
                          <td><code>${shortHash(r.addressHash)}</code></td>
                          <td>${reasonText(ctx, r)}</td>
                          <td>${w.sources[r.source]}</td>
                          <td>${formatDateTime(r.at, ctx.lang, opts.tz)}</td>
                          <td>
                            <a
                              href="${SUPPRESSIONS}/${r.addressHash}/entfernen"
                              aria-label="${w.removeLabel(shortHash(r.addressHash))}"
                              >${w.remove}</a
                            >
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`,
              )
            : html`<p>${t('common.none')}</p>`
        }
      </section>`,
  };
}

export function removeSuppressionPage(ctx: PageContext, r: SuppressionRow, tz: string): Page {
  const w = listsWords[ctx.lang];
  return {
    title: w.removeTitle,
    section: 'console',
    body: html`<h1>${w.removeTitle}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p>${w.removeIntro}</p>
      <dl class="facts">
        <div>
          <dt>${w.hash}</dt>
          <dd><code>${shortHash(r.addressHash)}</code></dd>
        </div>
        <div>
          <dt>${w.reason}</dt>
          <dd>${reasonText(ctx, r)}</dd>
        </div>
        <div>
          <dt>${w.source}</dt>
          <dd>${w.sources[r.source]}</dd>
        </div>
        <div>
          <dt>${w.since}</dt>
          <dd>${formatDateTime(r.at, ctx.lang, tz)}</dd>
        </div>
      </dl>
      <p>${w.removeNoResubscribe}</p>
      <div class="actions">
        <form method="post" action="${SUPPRESSIONS}/${r.addressHash}/entfernen">
          ${csrfField(ctx)}<button type="submit" class="danger">${w.removeButton}</button>
        </form>
        <a href="${SUPPRESSIONS}">${w.cancel}</a>
      </div>`,
  };
}

export function bouncesPage(
  ctx: PageContext,
  data: Paged & { rows: BounceRow[]; kind?: BounceKind; pageSize: number },
  tz: string,
): Page {
  const { t } = ctx;
  const w = listsWords[ctx.lang];
  const hrefOf = (page: number) =>
    `${BOUNCES}?${new URLSearchParams({ ...(data.kind ? { art: data.kind } : {}), seite: String(page) })}`;
  const kinds = ['all', 'hard', 'soft'] as const;
  return {
    title: w.bounces,
    section: 'console',
    body: html`<h1>${w.bounces}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p>${w.bouncesIntro}</p>
      <p><a href="${SUPPRESSIONS}">${w.suppressions}</a> · <a href="${CN}">${w.back}</a></p>
      <nav aria-label="${w.filter}">
        <ul class="actions">
          ${kinds.map((k) => {
            const current = (data.kind ?? 'all') === k;
            return html`<li>
              <a${attrs({ href: k === 'all' ? BOUNCES : `${BOUNCES}?art=${k}`, 'aria-current': current ? 'page' : undefined })}
                >${w.bounceKinds[k]}</a
              >
            </li>`;
          })}
        </ul>
      </nav>
      ${pager(ctx, data, hrefOf, data.pageSize)}
      ${
        data.rows.length
          ? tableRegion(
              w.bounces,
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${w.subscriber}</th>
                    <th scope="col">${w.hard}</th>
                    <th scope="col">${w.soft}</th>
                    <th scope="col">${w.lastAt}</th>
                    <th scope="col">${w.lastStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.rows.map(
                    (b) =>
                      html`<tr>
                        <td>
                          ${
                            b.subscribers.length
                              ? html`<ul class="plain">
                                  ${b.subscribers.map(
                                    (s) =>
                                      html`<li>
                                        ${s.email}${s.name ? ` (${s.name})` : ''} · ${s.listName} ·
                                        ${t(`cn.sub.state.${s.status}`)}
                                      </li>`,
                                  )}
                                </ul>`
                              : html`<code>${shortHash(b.addressHash)}</code> – ${w.noSubscriber}`
                          }
                        </td>
                        <td>${b.hard}</td>
                        <td>${b.soft}</td>
                        <td>${formatDateTime(b.lastAt, ctx.lang, tz)} (${w.lastKind[b.lastKind]})</td>
                        <td>${b.lastStatus ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
          : html`<p>${t('common.none')}</p>`
      }`,
  };
}
