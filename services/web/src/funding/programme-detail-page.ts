import { googleEventUrl, outlookEventUrl, programmeEntries } from '@qn/calendar';
import { dateIn, type ProgrammeDoc } from '@qn/funding';
import { facts, html, type Page, type PageContext, type SafeHtml } from '@qn/web-ui';
import {
  amountLabel,
  applicantsLabel,
  dateLabel,
  fieldsLabel,
  providerLabel,
  regionLabel,
  statusLine,
} from './programme-view';

export function programmeDetailPage(ctx: PageContext, p: ProgrammeDoc, opts: { timeZone: string }): Page {
  const { t } = ctx;
  const today = dateIn(opts.timeZone);
  const rows: [string, SafeHtml | string][] = [
    [t('funding.provider'), `${p.providerName} (${providerLabel(ctx, p)})`],
    [t('funding.field'), fieldsLabel(ctx, p)],
    [t('funding.applicant'), applicantsLabel(ctx, p)],
    [t('funding.region'), regionLabel(ctx, p)],
  ];
  const amount = amountLabel(ctx, p);
  if (amount) rows.push([t('funding.amount'), amount]);
  if (p.fundingRatePercent !== undefined || p.fundingRateNote)
    rows.push([
      t('funding.rate'),
      [p.fundingRatePercent !== undefined ? `${p.fundingRatePercent} %` : '', p.fundingRateNote]
        .filter(Boolean)
        .join(' – '),
    ]);
  if (p.opensOn) rows.push([t('funding.opensOn'), dateLabel(ctx, p.opensOn)]);
  rows.push([
    t('funding.deadlines'),
    p.deadlines.length ? p.deadlines.map((d) => dateLabel(ctx, d)).join(', ') : t('funding.rolling'),
  ]);
  if (p.contact && Object.values(p.contact).some(Boolean)) {
    const c = p.contact;
    rows.push([
      t('funding.contact'),
      html`${[c.name, c.organisation].filter(Boolean).join(', ')}${c.email ? html` <a href="mailto:${c.email}">${c.email}</a>` : ''}${c.phone ? ` ${c.phone}` : ''}`,
    ]);
  }
  // The next deadline as an all-day entry, built by the calendar package like the deadline feed.
  const next = programmeEntries(p, today)[0];
  return {
    title: p.title,
    section: 'funding',
    body: html`<p><a href="/foerderprogramme">${t('funding.title')}</a></p>
      <h1>${p.title}</h1>
      ${p.programmeLine ? html`<p class="meta">${p.programmeLine}</p>` : ''}
      <p><strong>${statusLine(ctx, p, today)}</strong></p>
      <p>${p.summary}</p>
      ${facts(rows)}
      ${p.description ? html`<div class="description">${p.description.split(/\n{2,}/).map((para) => html`<p>${para}</p>`)}</div>` : ''}
      ${
        p.links.length
          ? html`<h2>${t('funding.links')}</h2>
              <ul>
                ${p.links.map((l) => html`<li><a href="${l.url}" rel="noopener">${l.label}</a></li>`)}
              </ul>`
          : ''
      }
      ${
        next
          ? html`<section aria-labelledby="deadline-calendar">
              <h2 id="deadline-calendar">${t('funding.deadlineCalendar')}</h2>
              <ul class="calendar-links">
                <li>
                  <a href="${googleEventUrl(next, opts.timeZone)}" rel="noopener">${t('calendar.google')}</a>
                </li>
                <li><a href="${outlookEventUrl(next)}" rel="noopener">${t('calendar.outlook')}</a></li>
                <li><a href="/feeds/funding-deadlines.ics">${t('funding.deadlinesFeed')} (.ics)</a></li>
              </ul>
            </section>`
          : ''
      }
      <p><a href="/foerderprogramme/benachrichtigungen">${t('funding.alertsTeaser')}</a></p>`,
  };
}
