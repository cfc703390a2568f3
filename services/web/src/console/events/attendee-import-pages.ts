import { z } from 'zod';
import { IMPORT_MAX_BYTES, type EventDoc, type ImportReport, type ImportRowReport } from '@qn/events';
import {
  checkboxField,
  formField,
  csrfField,
  errorSummary,
  formPageTitle,
  html,
  notice,
  tableRegion,
  textArea,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { CONSOLE_EVENTS } from './console-event-pages';
import { importWords } from './attendee-import-words';

export const importForm = z.object({
  // The byte limit is the domain's; this one only keeps absurd posts out of the parser.
  csv: z.string().min(1).max(IMPORT_MAX_BYTES),
  consent: formField.consent(),
});

export const importPath = (e: EventDoc): string => `${CONSOLE_EVENTS}/${String(e._id)}/importieren`;

export function importFormPage(ctx: PageContext, e: EventDoc, form: FormState, maxRows: number): Page {
  const { t } = ctx;
  const w = importWords[ctx.lang];
  const labels = { csv: w.csv, consent: w.consent };
  return {
    title: formPageTitle(form, w.title, t),
    section: 'console',
    body: html`<h1>${w.title}</h1>
      ${consoleNav(ctx, 'events')}
      <p><a href="${CONSOLE_EVENTS}/${String(e._id)}">${e.title}</a></p>
      <p>${w.intro}</p>
      ${errorSummary(form, labels, t)}
      <form class="stack" method="post" action="${importPath(e)}" novalidate>
        ${csrfField(ctx)}
        ${textArea(form, { name: 'csv', label: w.csv, hint: w.csvHint(maxRows), required: true, rows: 12 }, t)}
        ${checkboxField(form, { name: 'consent', label: w.consent, required: true }, t)}
        <button type="submit">${w.preview}</button>
      </form>`,
  };
}

function contactOf(r: ImportRowReport): string {
  return [r.email, r.phone, r.postalAddress].filter(Boolean).join(', ');
}

/** Each row as it would be (or was) registered, the errors in words beside it. */
function reportTable(ctx: PageContext, report: ImportReport, caption: string): SafeHtml {
  const w = importWords[ctx.lang];
  return tableRegion(
    caption,
    html`<table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${w.line}</th>
          <th scope="col">${w.name}</th>
          <th scope="col">${w.contact}</th>
          <th scope="col">${w.companions}</th>
          <th scope="col">${w.outcome}</th>
        </tr>
      </thead>
      <tbody>
        ${report.rows.map(
          (r) =>
            html`<tr>
              <td>${r.line}</td>
              <td>${r.name}</td>
              <td>${contactOf(r)}</td>
              <td>${r.companions}</td>
              <td>
                ${w.outcomes[r.outcome]}${r.problems.length ? `: ${r.problems.map(w.problem).join('; ')}` : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function problemList(ctx: PageContext, report: ImportReport): SafeHtml {
  const w = importWords[ctx.lang];
  const bad = report.rows.filter((r) => r.problems.length);
  if (!bad.length) return html``;
  return html`<h2>${w.problemsTitle}</h2>
    <ul>
      ${bad.map((r) => html`<li>${w.rowProblem(r.line, r.problems.map(w.problem).join('; '))}</li>`)}
    </ul>`;
}

export function importPreviewPage(
  ctx: PageContext,
  e: EventDoc,
  report: ImportReport,
  previewId: string,
): Page {
  const w = importWords[ctx.lang];
  const importable = report.counts.confirmed + report.counts.waitlisted;
  return {
    title: w.previewTitle,
    section: 'console',
    body: html`<h1>${w.previewTitle}</h1>
      ${consoleNav(ctx, 'events')}
      <p><a href="${CONSOLE_EVENTS}/${String(e._id)}">${e.title}</a></p>
      <p>${w.previewIntro}</p>
      <p><strong>${w.summary(report.counts)}</strong></p>
      ${problemList(ctx, report)}
      <div class="actions">
        ${
          importable
            ? html`<form method="post" action="${importPath(e)}/${previewId}">
                ${csrfField(ctx)}<button type="submit">${w.doImport}</button>
              </form>`
            : notice(w.nothing, 'warning')
        }
        <a href="${importPath(e)}">${w.startOver}</a>
      </div>
      <h2>${w.previewTitle}</h2>
      ${reportTable(ctx, report, w.previewTitle)}`,
  };
}

export function importResultPage(ctx: PageContext, e: EventDoc, report: ImportReport): Page {
  const w = importWords[ctx.lang];
  return {
    title: w.resultTitle,
    section: 'console',
    body: html`<h1>${w.resultTitle}</h1>
      ${consoleNav(ctx, 'events')} ${notice(w.resultSummary(report.counts))}
      <p><a href="${CONSOLE_EVENTS}/${String(e._id)}">${w.back}</a></p>
      ${problemList(ctx, report)}
      <h2>${w.resultTitle}</h2>
      ${reportTable(ctx, report, w.resultTitle)}`,
  };
}

export function importExpiredPage(ctx: PageContext, e: EventDoc): Page {
  const w = importWords[ctx.lang];
  return {
    title: w.expiredTitle,
    section: 'console',
    body: html`<h1>${w.expiredTitle}</h1>
      ${consoleNav(ctx, 'events')}
      <p>${w.expired}</p>
      <p>
        <a href="${importPath(e)}">${w.startOver}</a> ·
        <a href="${CONSOLE_EVENTS}/${String(e._id)}">${w.back}</a>
      </p>`,
  };
}
