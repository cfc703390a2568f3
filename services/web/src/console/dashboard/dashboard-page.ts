import type { CampaignInProgress } from '@qn/newsletter';
import type { RecentRegistration, UpcomingEvent } from '@qn/events';
import {
  formatDate,
  formatDateTime,
  html,
  tableRegion,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { dashboardWords } from './dashboard-words';

const CE = '/konsole/veranstaltungen';
/** Rows shown per admin list; the rest is counted, not listed. */
const SHOWN = 10;

export type StaleProgramme = { id: string; title: string; reviewedAt: Date };
export type BrokenLink = { programmeId: string; title: string; url: string; failingSince?: Date };

export type Dashboard = {
  events: (UpcomingEvent & { organisationName?: string })[];
  registrations: (RecentRegistration & { nameVisible: boolean })[];
  admin?: {
    campaigns: CampaignInProgress[];
    reviewAfterDays: number;
    stale: StaleProgramme[];
    broken: BrokenLink[];
  };
};

function upcomingPart(ctx: PageContext, events: Dashboard['events'], timeZone: string): SafeHtml {
  const { t } = ctx;
  const w = dashboardWords[ctx.lang];
  if (!events.length) return html`<p>${w.noEvents} – <a href="${CE}/neu">${w.createOne}</a></p>`;
  return tableRegion(
    w.upcomingTable,
    html`<table>
      <caption class="visually-hidden">
        ${w.upcomingTable}
      </caption>
      <thead>
        <tr>
          <th scope="col">${w.col.title}</th>
          <th scope="col">${w.col.date}</th>
          <th scope="col">${w.col.seats}</th>
          <th scope="col">${w.col.waiting}</th>
          <th scope="col">${w.col.status}</th>
        </tr>
      </thead>
      <tbody>
        ${events.map(
          (e) =>
            html`<tr>
              <td>
                <a href="${CE}/${e.id}">${e.title}</a
                >${e.organisationName ? html`<br /><span class="meta">${e.organisationName}</span>` : ''}
              </td>
              <td>
                <time datetime="${e.startsAt.toISOString()}"
                  >${formatDateTime(e.startsAt, ctx.lang, timeZone)}</time
                >
              </td>
              <td>${w.seats(e.seatsTaken, e.capacity)}</td>
              <td>${e.waitlisted}</td>
              <td>${t(`ce.status.${e.status}`)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function recentPart(ctx: PageContext, regs: Dashboard['registrations'], timeZone: string): SafeHtml {
  const w = dashboardWords[ctx.lang];
  if (!regs.length) return html`<p>${w.noRegistrations}</p>`;
  return html`<ul class="list">
    ${regs.map(
      (r) =>
        html`<li>
          <strong>${r.nameVisible ? r.name : w.hiddenName}</strong> –
          <a href="${CE}/${r.eventId}">${r.eventTitle}</a>
          <p class="meta">
            ${w.registeredFor(formatDateTime(r.registeredAt, ctx.lang, timeZone))} ·
            ${ctx.t(`ce.att.${r.status}`)}
          </p>
        </li>`,
    )}
  </ul>`;
}

function more(ctx: PageContext, total: number): SafeHtml {
  return total > SHOWN ? html`<p>${dashboardWords[ctx.lang].more(total - SHOWN)}</p>` : html``;
}

function adminPart(ctx: PageContext, a: NonNullable<Dashboard['admin']>, timeZone: string): SafeHtml {
  const w = dashboardWords[ctx.lang];
  const day = (d: Date) => formatDate(d, ctx.lang, timeZone);
  return html`<h2>${w.campaigns}</h2>
    ${
      a.campaigns.length
        ? html`<ul class="list">
            ${a.campaigns.map(
              (c) =>
                html`<li>
                  <a href="/konsole/newsletter/kampagnen/${c.id}">${c.name}</a>
                  <p class="meta">
                    ${c.status === 'paused' ? w.campaignStatus.paused : w.campaignStatus.sending} ·
                    ${w.sentOf(c.sent, c.total)}
                  </p>
                  <progress
                    max="${Math.max(1, c.total)}"
                    value="${c.sent}"
                    aria-label="${w.progressLabel(c.name)}"
                  >
                    ${w.sentOf(c.sent, c.total)}
                  </progress>
                </li>`,
            )}
          </ul>`
        : html`<p>${w.noCampaigns}</p>`
    }
    <h2>${w.review}</h2>
    <p>${w.reviewIntro(a.reviewAfterDays)}</p>
    ${
      a.stale.length
        ? html`<ul class="list">
              ${a.stale.slice(0, SHOWN).map(
                (p) =>
                  html`<li>
                    <a href="/konsole/foerderprogramme/${p.id}">${p.title}</a>
                    <p class="meta">${w.reviewedOn(day(p.reviewedAt))}</p>
                  </li>`,
              )}
            </ul>
            ${more(ctx, a.stale.length)}`
        : html`<p>${w.noReview}</p>`
    }
    <h2>${w.brokenLinks}</h2>
    ${
      a.broken.length
        ? html`<ul class="list">
              ${a.broken.slice(0, SHOWN).map(
                (b) =>
                  html`<li>
                    <a href="/konsole/foerderprogramme/${b.programmeId}">${b.title}</a>
                    <p class="meta">
                      <span class="url">${b.url}</span
                      >${b.failingSince ? html` · ${w.failingSince(day(b.failingSince))}` : ''}
                    </p>
                  </li>`,
              )}
            </ul>
            ${more(ctx, a.broken.length)}`
        : html`<p>${w.noBrokenLinks}</p>`
    }`;
}

/** The console's home page: what needs attention now, for organisers and (more) for admins. */
export function dashboardPage(
  ctx: PageContext,
  d: Dashboard,
  opts: { timeZone: string; greeting: SafeHtml },
): Page {
  const { t } = ctx;
  const w = dashboardWords[ctx.lang];
  return {
    title: t('console.title'),
    section: 'console',
    body: html`<h1>${t('console.title')}</h1>
      ${consoleNav(ctx, 'overview')} ${opts.greeting}
      <h2>${w.upcoming}</h2>
      ${upcomingPart(ctx, d.events, opts.timeZone)}
      <h2>${w.recent}</h2>
      ${recentPart(ctx, d.registrations, opts.timeZone)}
      ${d.admin ? adminPart(ctx, d.admin, opts.timeZone) : ''}`,
  };
}
