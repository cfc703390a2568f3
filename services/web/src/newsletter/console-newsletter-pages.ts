import type { CampaignDoc, CampaignProgress, NewsletterListDoc, SubscriberDoc } from '@qn/newsletter';
import {
  attrs,
  checkboxField,
  choiceGroup,
  csrfField,
  errorSummary,
  formatDateTime,
  formPageTitle,
  html,
  notice,
  selectField,
  tableRegion,
  textArea,
  textField,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console/console-layout';
import { listsWords } from './newsletter-lists-words';
import { importWords } from './newsletter-import-words';
import { segmentWords } from './newsletter-segment-words';

/** Where the personal fields are explained: beside the text they go into. */
const personalHint = {
  de: '{{name}} setzt den Namen der Empfängerin oder des Empfängers ein (ohne Namen entfällt er samt Leerzeichen davor), auch im Betreff.',
  en: "{{name}} inserts the recipient's name (without a name it is left out with the blank before it), in the subject too.",
} as const;

export const CN = '/konsole/newsletter';

function statusLabel(ctx: PageContext, s: CampaignDoc['status']): string {
  return ctx.t(`cn.st.${s}`);
}

export function newsletterHomePage(
  ctx: PageContext,
  lists: { list: NewsletterListDoc; confirmed: number }[],
  campaigns: CampaignDoc[],
): Page {
  const { t } = ctx;
  return {
    title: t('cn.title'),
    section: 'console',
    body: html`<h1>${t('cn.title')}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <h2>${t('cn.campaigns')}</h2>
      <p><a class="button" href="${CN}/kampagnen/neu">${t('cn.newCampaign')}</a></p>
      ${
        campaigns.length
          ? html`<ul class="list">
              ${campaigns.map(
                (c) =>
                  html`<li>
                    <h3><a href="${CN}/kampagnen/${c._id}">${c.name}</a></h3>
                    <p class="meta">
                      ${c.subject} · <span class="badge">${statusLabel(ctx, c.status)}</span>
                    </p>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('common.none')}</p>`
      }
      <h2>${t('cn.lists')}</h2>
      <p><a class="button button--secondary" href="${CN}/listen/neu">${t('cn.newList')}</a></p>
      ${
        lists.length
          ? html`<ul class="list">
              ${lists.map(
                ({ list, confirmed }) =>
                  html`<li>
                    <h3><a href="${CN}/listen/${list._id}">${list.name}</a></h3>
                    <p class="meta">${confirmed} ${t('cn.subscribers')} · ${list.lang.toUpperCase()}</p>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('common.none')}</p>`
      }
      <h2>${listsWords[ctx.lang].suppressions}</h2>
      <p>
        <a href="${CN}/sperrliste">${listsWords[ctx.lang].suppressions}</a> ·
        <a href="${CN}/bounces">${listsWords[ctx.lang].bounces}</a>
      </p>`,
  };
}

export function listFormPage(ctx: PageContext, form: FormState): Page {
  const { t } = ctx;
  const labels = { name: t('cn.f.name'), description: t('cn.f.description'), lang: t('cn.f.lang') };
  return {
    title: t('cn.newList'),
    section: 'console',
    body: html`<h1>${t('cn.newList')}</h1>
      ${consoleNav(ctx, 'newsletter')} ${errorSummary(form, labels, t)}
      <form class="stack" method="post" action="${CN}/listen/neu" novalidate>
        ${csrfField(ctx)} ${textField(form, { name: 'name', label: labels.name, required: true }, t)}
        ${textArea(form, { name: 'description', label: labels.description, rows: 3 }, t)}
        ${selectField(
          form,
          {
            name: 'lang',
            label: labels.lang,
            options: [
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ],
          },
          t,
        )}
        <button type="submit">${t('common.save')}</button>
      </form>`,
  };
}

export function subscribersPage(
  ctx: PageContext,
  list: NewsletterListDoc,
  subs: SubscriberDoc[],
  total: number,
  tz: string,
): Page {
  const { t } = ctx;
  const title = t('cn.subscribersOf', { list: list.name });
  return {
    title,
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'newsletter')}
      <p>${total} ${t('cn.subscribers')}</p>
      <p>
        <a href="${CN}/listen/${list._id}/importieren">${importWords[ctx.lang].link}</a> ·
        <a href="${CN}/listen/${list._id}/segmente">${segmentWords[ctx.lang].segments}</a>
      </p>
      ${
        subs.length
          ? tableRegion(
              title,
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t('cn.sub.email')}</th>
                    <th scope="col">${t('cn.sub.name')}</th>
                    <th scope="col">${t('cn.sub.status')}</th>
                    <th scope="col">${t('cn.sub.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${subs.map(
                    (s) =>
                      html`<tr>
                        <td>${s.email}</td>
                        <td>${s.name ?? ''}</td>
                        <td>${t(`cn.sub.state.${s.status}`)}</td>
                        <td>${s.confirmedAt ? formatDateTime(s.confirmedAt, ctx.lang, tz) : ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
          : html`<p>${t('common.none')}</p>`
      }`,
  };
}

const composeLabels = (ctx: PageContext) => ({
  name: ctx.t('cn.f.campaignName'),
  subject: ctx.t('cn.f.subject'),
  preheader: ctx.t('cn.f.preheader'),
  bodyMarkdown: ctx.t('cn.f.bodyMarkdown'),
  listIds: ctx.t('cn.f.listIds'),
  segmentId: segmentWords[ctx.lang].segment,
  countClicks: ctx.t('cn.f.countClicks'),
  at: ctx.t('cn.scheduleAt'),
  to: ctx.t('cn.testTo'),
});

/** The compose form with its preview beside it: saved preview without JS, live with it. */
type Choice = { value: string; label: string };

function composeForm(
  ctx: PageContext,
  form: FormState,
  lists: NewsletterListDoc[],
  segments: Choice[],
  c?: CampaignDoc,
): SafeHtml {
  const sw = segmentWords[ctx.lang];
  const { t } = ctx;
  const l = composeLabels(ctx);
  const action = c ? `${CN}/kampagnen/${c._id}` : `${CN}/kampagnen/neu`;
  return html`<div class="compose">
    <form class="stack" method="post" action="${action}" novalidate data-live-preview="${CN}/vorschau">
      ${csrfField(ctx)} ${textField(form, { name: 'name', label: l.name, required: true }, t)}
      ${textField(form, { name: 'subject', label: l.subject, required: true }, t)}
      ${textField(form, { name: 'preheader', label: l.preheader }, t)}
      ${choiceGroup(form, { name: 'listIds', label: l.listIds, required: true, options: lists.map((x) => ({ value: x._id, label: x.name })) }, t)}
      ${segments.length ? selectField(form, { name: 'segmentId', label: sw.segment, hint: sw.segmentHint, emptyLabel: sw.noSegment, options: segments }, t) : ''}
      ${textArea(form, { name: 'bodyMarkdown', label: l.bodyMarkdown, hint: `${t('cn.f.bodyHint')} ${personalHint[ctx.lang]}`, required: true, rows: 14 }, t)}
      ${checkboxField(form, { name: 'countClicks', label: l.countClicks, hint: t('cn.f.countClicksHint') }, t)}
      <div class="actions"><button type="submit">${c ? t('cn.previewUpdate') : t('cn.create')}</button></div>
    </form>
    <section aria-labelledby="preview-title" class="preview-pane">
      <h2 id="preview-title">${t('cn.preview')}</h2>
      <p id="preview-live-hint" class="hint" hidden>${t('cn.previewLive')}</p>
      <iframe
        id="preview-frame"
        class="preview"
        title="${t('cn.previewFrame')}"
        sandbox${attrs({ src: c ? `${CN}/kampagnen/${c._id}/vorschau.html` : undefined })}
      ></iframe>
    </section>
  </div>`;
}

export function composePage(
  ctx: PageContext,
  form: FormState,
  lists: NewsletterListDoc[],
  segments: Choice[] = [],
): Page {
  const { t } = ctx;
  return {
    title: formPageTitle(form, t('cn.newCampaign'), t),
    section: 'console',
    scripts: ['newsletter-compose.js'],
    body: html`<h1>${t('cn.newCampaign')}</h1>
      ${consoleNav(ctx, 'newsletter')} ${errorSummary(form, composeLabels(ctx), t)}
      ${composeForm(ctx, form, lists, segments)}`,
  };
}

function progressBox(ctx: PageContext, c: CampaignDoc, p: CampaignProgress): SafeHtml {
  const { t } = ctx;
  const done = p.sent + p.failed + p.skipped;
  const labels = Object.fromEntries(
    (['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const).map((s) => [
      s,
      statusLabel(ctx, s),
    ]),
  );
  return html`<section
    aria-labelledby="progress-title"
    data-progress-url="${CN}/kampagnen/${c._id}/fortschritt.json"
    data-initial-status="${c.status}"
    data-template="${t('cn.progressText', { sent: '{sent}', total: '{total}', failed: '{failed}', skipped: '{skipped}', remaining: '{remaining}' })}"
    data-status-labels="${JSON.stringify(labels)}"
  >
    <h2 id="progress-title">${t('cn.progress')}</h2>
    <p>${t('cn.status')}: <strong data-status role="status">${statusLabel(ctx, c.status)}</strong></p>
    <progress max="${Math.max(1, p.total)}" value="${done}" aria-labelledby="progress-title"></progress>
    <p data-figures>
      ${t('cn.progressText', { sent: p.sent, total: p.total, failed: p.failed, skipped: p.skipped, remaining: p.remaining })}
    </p>
    ${p.rate ? html`<p>${t('cn.progressRate', { rate: p.rate })}</p>` : ''}
    ${
      p.clicks
        ? html`<h3>${t('cn.clicks')}</h3>
            <ul>
              ${p.clicks.map((c) => html`<li>${c.url}: <strong>${c.clicks}</strong></li>`)}
            </ul>`
        : ''
    }
    <p><a href="${CN}/kampagnen/${c._id}">${t('cn.refresh')}</a></p>
  </section>`;
}

function actionButton(ctx: PageContext, c: CampaignDoc, path: string, label: string, cls?: string): SafeHtml {
  return html`<form method="post" action="${CN}/kampagnen/${c._id}/${path}">
    ${csrfField(ctx)}<button type="submit" ${attrs({ class: cls })}>${label}</button>
  </form>`;
}

export function campaignPage(
  ctx: PageContext,
  c: CampaignDoc,
  opts: {
    lists: NewsletterListDoc[];
    segments?: Choice[];
    form: FormState;
    progress: CampaignProgress;
    message?: string;
    tz: string;
  },
): Page {
  const { t } = ctx;
  const l = composeLabels(ctx);
  const f = opts.form;
  const draft = c.status === 'draft';
  return {
    title: formPageTitle(f, c.name, t),
    section: 'console',
    scripts: draft ? ['newsletter-compose.js'] : ['campaign-progress.js'],
    body: html`<h1>${c.name}</h1>
      ${consoleNav(ctx, 'newsletter')} ${opts.message ? notice(opts.message) : ''}
      ${errorSummary(f, composeLabels(ctx), t)}
      ${draft ? html`<p>${t('cn.status')}: <span class="badge">${statusLabel(ctx, c.status)}</span></p>` : ''}
      ${c.status === 'scheduled' && c.scheduledAt ? html`<p>${t('cn.scheduledFor', { date: formatDateTime(c.scheduledAt, ctx.lang, opts.tz) })}</p>` : ''}
      ${draft ? composeForm(ctx, f, opts.lists, opts.segments ?? [], c) : progressBox(ctx, c, opts.progress)}
      <h2>${t('cn.test')}</h2>
      <form class="stack" method="post" action="${CN}/kampagnen/${c._id}/test" novalidate>
        ${csrfField(ctx)}
        ${textField(f, { name: 'to', label: l.to, type: 'email', autocomplete: 'email' }, t)}
        <button type="submit" class="secondary">${t('cn.testSubmit')}</button>
      </form>
      <h2>${t('cn.schedule')}</h2>
      ${
        draft
          ? html`<form class="stack" method="post" action="${CN}/kampagnen/${c._id}/planen" novalidate>
              ${csrfField(ctx)}
              ${textField(f, { name: 'at', label: l.at, type: 'datetime-local', hint: t('cn.scheduleHint') }, t)}
              <button type="submit">${t('cn.scheduleSubmit')}</button>
            </form>`
          : html`<div class="actions">
              ${c.status === 'scheduled' ? actionButton(ctx, c, 'zurueckziehen', t('cn.unschedule'), 'secondary') : ''}
              ${c.status === 'sending' ? actionButton(ctx, c, 'anhalten', t('cn.pause'), 'secondary') : ''}
              ${c.status === 'paused' ? actionButton(ctx, c, 'fortsetzen', t('cn.resume')) : ''}
              ${['scheduled', 'sending', 'paused'].includes(c.status) ? actionButton(ctx, c, 'abbrechen', t('cn.cancelCampaign'), 'danger') : ''}
            </div>`
      }`,
  };
}
