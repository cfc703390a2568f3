import type { LinkCheckDoc } from '@qn/funding';
import { csrfField, formatDate, html, notice, type Page, type PageContext, type SafeHtml } from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { fundingConsoleWords } from './funding-console-words';

export const CF = '/konsole/foerderprogramme';
export const BROKEN = `${CF}/defekte-links`;
export const REVIEW_DUE = `${CF}/pruefung-faellig`;

export type BrokenLinkRow = Pick<
  LinkCheckDoc,
  'programmeId' | 'url' | 'httpStatus' | 'error' | 'checkedAt' | 'failingSince'
> & { title: string; label: string };

export type ReviewDueRow = { id: string; title: string; reviewedAt: Date };

/** The links to both lists, on the funding console's page. */
export function fundingListsNav(ctx: PageContext, counts: { broken: number; due: number }): SafeHtml {
  const w = fundingConsoleWords[ctx.lang];
  return html`<h2>${w.listsHeading}</h2>
    <ul>
      <li><a href="${REVIEW_DUE}">${w.reviewDue}</a> (${counts.due})</li>
      <li><a href="${BROKEN}">${w.brokenLinks}</a> (${counts.broken})</li>
    </ul>`;
}

/** Broken official links, one entry per programme, each link with its problem in words. */
export function brokenLinksPage(ctx: PageContext, rows: BrokenLinkRow[], timeZone: string): Page {
  const w = fundingConsoleWords[ctx.lang];
  const day = (d: Date) => formatDate(d, ctx.lang, timeZone);
  const byProgramme = new Map<string, BrokenLinkRow[]>();
  for (const r of rows) byProgramme.set(r.programmeId, [...(byProgramme.get(r.programmeId) ?? []), r]);
  return {
    title: w.brokenLinks,
    section: 'console',
    body: html`<p><a href="${CF}">${ctx.t('cf.title')}</a></p>
      <h1>${w.brokenLinks}</h1>
      ${consoleNav(ctx, 'funding')}
      <p>${w.brokenIntro}</p>
      ${
        byProgramme.size
          ? html`<ul class="list">
              ${[...byProgramme.entries()].map(
                ([id, links]) =>
                  html`<li>
                    <h2>${links[0]!.title}</h2>
                    <ul>
                      ${links.map(
                        (l) =>
                          html`<li>
                            ${l.label}: <a class="url" href="${l.url}" rel="noopener">${l.url}</a>
                            <p class="meta">
                              <strong>${w.problem(l.httpStatus, l.error)}</strong>
                              ${l.failingSince ? html` · ${w.failingSince(day(l.failingSince))}` : ''} ·
                              ${w.lastChecked(day(l.checkedAt))}
                            </p>
                          </li>`,
                      )}
                    </ul>
                    <p><a href="${CF}/${id}">${w.edit(links[0]!.title)}</a></p>
                  </li>`,
              )}
            </ul>`
          : html`<p>${w.noBrokenLinks}</p>`
      }`,
  };
}

/** Programmes due for review, each with when it was last looked at and a "reviewed" button. */
export function reviewDuePage(
  ctx: PageContext,
  rows: ReviewDueRow[],
  opts: { reviewAfterDays: number; timeZone: string; message?: string },
): Page {
  const w = fundingConsoleWords[ctx.lang];
  const day = (d: Date) => formatDate(d, ctx.lang, opts.timeZone);
  const due = (d: Date) => new Date(d.getTime() + opts.reviewAfterDays * 86_400_000);
  return {
    title: w.reviewDue,
    section: 'console',
    body: html`<p><a href="${CF}">${ctx.t('cf.title')}</a></p>
      <h1>${w.reviewDue}</h1>
      ${consoleNav(ctx, 'funding')} ${opts.message ? notice(opts.message) : ''}
      ${
        rows.length
          ? html`<p>${w.reviewIntro(opts.reviewAfterDays)}</p>
              <ul class="list">
                ${rows.map(
                  (p) =>
                    html`<li>
                      <h2>${p.title}</h2>
                      <p class="meta">
                        ${w.reviewedOn(day(p.reviewedAt))} ·
                        <strong>${w.dueSince(day(due(p.reviewedAt)))}</strong>
                      </p>
                      <div class="actions">
                        <a href="${CF}/${p.id}">${w.edit(p.title)}</a>
                        <form method="post" action="${CF}/${p.id}/geprueft">
                          ${csrfField(ctx)}
                          <button type="submit" aria-label="${w.markReviewed(p.title)}">${w.reviewed}</button>
                        </form>
                      </div>
                    </li>`,
                )}
              </ul>`
          : html`<p>${w.noReviewDue(opts.reviewAfterDays)}</p>`
      }`,
  };
}

/** What archiving does, asked before it happens; only the form's POST archives. */
export function archiveConfirmPage(
  ctx: PageContext,
  p: { _id: string; title: string; status: string },
): Page {
  const w = fundingConsoleWords[ctx.lang];
  return {
    title: w.archiveTitle,
    section: 'console',
    body: html`<p><a href="${CF}">${ctx.t('cf.title')}</a></p>
      <h1>${w.archiveTitle}</h1>
      ${consoleNav(ctx, 'funding')}
      ${
        p.status === 'archived'
          ? notice(w.alreadyArchived)
          : html`<p>${w.archiveQuestion(p.title)}</p>
              <ul>
                ${w.archiveEffects.map((e) => html`<li>${e}</li>`)}
              </ul>
              <form method="post" action="${CF}/${p._id}/archivieren">
                ${csrfField(ctx)}
                <div class="actions">
                  <button type="submit">${w.archiveConfirm}</button>
                  <a href="${CF}">${w.cancel}</a>
                </div>
              </form>`
      }`,
  };
}
