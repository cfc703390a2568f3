import { ACTOR_TYPES, FIELDS_OF_ACTION, labelOf, municipalityName } from '@qn/domain';
import type { ImportPreview, ImportPreviewRow, ImportReport, NewsletterListDoc } from '@qn/newsletter';
import {
  checkboxField,
  choiceGroup,
  csrfField,
  errorSummary,
  formatDate,
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
import { consoleNav } from '../console/console-layout';
import { CN } from './console-newsletter-pages';
import { importWords } from './newsletter-import-words';

export const importPath = (list: NewsletterListDoc): string => `${CN}/listen/${list._id}/importieren`;

export function importFormPage(ctx: PageContext, list: NewsletterListDoc, form: FormState): Page {
  const { t } = ctx;
  const w = importWords[ctx.lang];
  const labels = { csv: w.csv, mode: w.mode, consent: w.consent };
  return {
    title: formPageTitle(form, w.title(list.name), t),
    section: 'console',
    body: html`<h1>${w.title(list.name)}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p><a href="${CN}/listen/${list._id}">${w.back}</a></p>
      <p>${w.intro}</p>
      ${errorSummary(form, labels, t)}
      <form class="stack" method="post" action="${importPath(list)}" novalidate>
        ${csrfField(ctx)}
        ${textArea(form, { name: 'csv', label: w.csv, hint: w.csvHint, required: true, rows: 12 }, t)}
        ${choiceGroup(
          form,
          {
            name: 'mode',
            label: w.mode,
            type: 'radio',
            required: true,
            hint: `${w.modeHints.consented} ${w.modeHints.pending}`,
            options: [
              { value: 'consented', label: w.modes.consented },
              { value: 'pending', label: w.modes.pending },
            ],
          },
          t,
        )}
        ${checkboxField(form, { name: 'consent', label: w.consent }, t)}
        <button type="submit">${w.preview}</button>
      </form>`,
  };
}

function problemList(
  ctx: PageContext,
  rows: { line: number; problems: ImportPreviewRow['problems'] }[],
): SafeHtml {
  const w = importWords[ctx.lang];
  if (!rows.length) return html``;
  return html`<h2>${w.problemsTitle}</h2>
    <ul>
      ${rows.map((r) => html`<li>${w.rowProblem(r.line, r.problems.map(w.problem).join('; '))}</li>`)}
    </ul>`;
}

function sampleTable(ctx: PageContext, preview: ImportPreview, tz: string): SafeHtml {
  const w = importWords[ctx.lang];
  const caption = w.sampleTitle(preview.sample.length);
  return html`<h2>${caption}</h2>
    ${tableRegion(
      caption,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${w.cols.line}</th>
            <th scope="col">${w.cols.email}</th>
            <th scope="col">${w.cols.name}</th>
            <th scope="col">${w.cols.actorType}</th>
            <th scope="col">${w.cols.municipality}</th>
            <th scope="col">${w.cols.fieldsOfAction}</th>
            <th scope="col">${w.cols.consentAt}</th>
            <th scope="col">${w.cols.outcome}</th>
          </tr>
        </thead>
        <tbody>
          ${preview.sample.map(
            ({ line, row, problems }) =>
              html`<tr>
                <td>${line}</td>
                <td>${row.email}</td>
                <td>${row.name ?? ''}</td>
                <td>${row.actorType ? labelOf(ACTOR_TYPES, row.actorType, ctx.lang) : ''}</td>
                <td>${row.municipality ? municipalityName(row.municipality) : ''}</td>
                <td>${row.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f, ctx.lang)).join(', ')}</td>
                <td>${row.consentAt ? formatDate(row.consentAt, ctx.lang, tz) : ''}</td>
                <td>${problems.length ? problems.map(w.problem).join('; ') : w.ok}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
}

export function importPreviewPage(
  ctx: PageContext,
  list: NewsletterListDoc,
  preview: ImportPreview,
  previewId: string,
  tz: string,
): Page {
  const w = importWords[ctx.lang];
  return {
    title: w.previewTitle,
    section: 'console',
    body: html`<h1>${w.previewTitle}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p><a href="${CN}/listen/${list._id}">${list.name}</a></p>
      <p>${w.previewIntro}</p>
      <p><strong>${w.summary(preview)}</strong></p>
      ${problemList(ctx, preview.invalid)}
      <div class="actions">
        ${
          preview.valid
            ? html`<form method="post" action="${importPath(list)}/${previewId}">
                ${csrfField(ctx)}<button type="submit">${w.doImport}</button>
              </form>`
            : notice(w.nothing, 'warning')
        }
        <a href="${importPath(list)}">${w.startOver}</a>
      </div>
      ${sampleTable(ctx, preview, tz)}`,
  };
}

export function importResultPage(ctx: PageContext, list: NewsletterListDoc, report: ImportReport): Page {
  const w = importWords[ctx.lang];
  return {
    title: w.resultTitle,
    section: 'console',
    body: html`<h1>${w.resultTitle}</h1>
      ${consoleNav(ctx, 'newsletter')} ${notice(w.result(report))}
      <p><a href="${CN}/listen/${list._id}">${w.back}</a></p>`,
  };
}

export function importExpiredPage(ctx: PageContext, list: NewsletterListDoc): Page {
  const w = importWords[ctx.lang];
  return {
    title: w.expiredTitle,
    section: 'console',
    body: html`<h1>${w.expiredTitle}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p>${w.expired}</p>
      <p>
        <a href="${importPath(list)}">${w.startOver}</a> ·
        <a href="${CN}/listen/${list._id}">${w.back}</a>
      </p>`,
  };
}
