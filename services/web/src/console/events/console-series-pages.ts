import type { EventDoc, EventSeriesDoc } from '@qn/events';
import { csrfField, html, notice, tableRegion, type Page, type PageContext, type SafeHtml } from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { whenText } from '../../events/event-view';
import { CONSOLE_EVENTS } from './console-event-pages';
import { seriesWords } from './console-series-words';

export const CONSOLE_SERIES = '/konsole/reihen';

export type SeriesDateRow = { event: EventDoc; seatsTaken: number; waiting: number };

/** "wöchentlich am Dienstag, 18:00, 90 Minuten" from the stored rule. */
export function seriesRuleText(ctx: PageContext, s: EventSeriesDoc): string {
  const w = seriesWords[ctx.lang];
  const r = s.schedule.rule;
  const rule = w.ruleText({
    freq: r.freq,
    weekday: 'weekday' in r ? r.weekday : undefined,
    nth: 'nth' in r ? r.nth : undefined,
    day: 'day' in r ? r.day : undefined,
  });
  const minutes = ctx.lang === 'de' ? 'Minuten' : 'minutes';
  return `${rule}, ${s.schedule.startTime}, ${s.schedule.durationMinutes} ${minutes}`;
}

export function seriesPage(
  ctx: PageContext,
  s: EventSeriesDoc,
  rows: SeriesDateRow[],
  opts: { timeZone: string; message?: string; canManage: boolean; now?: Date },
): Page {
  const { t } = ctx;
  const w = seriesWords[ctx.lang];
  const id = String(s._id);
  const now = opts.now ?? new Date();
  const future = rows.filter((r) => r.event.startsAt > now && r.event.status !== 'cancelled');
  const drafts = future.some((r) => r.event.status === 'draft');
  const table = tableRegion(
    w.dates,
    html`<table>
      <caption class="visually-hidden">
        ${w.dates}
      </caption>
      <thead>
        <tr>
          <th scope="col">${w.date}</th>
          <th scope="col">${w.status}</th>
          <th scope="col">${w.seats}</th>
          <th scope="col">${w.waiting}</th>
          <th scope="col">${w.links}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const eid = String(r.event._id);
          const when = whenText(ctx, r.event, opts.timeZone);
          return html`<tr>
            <td>${when}</td>
            <td>${t(`ce.status.${r.event.status}`)}</td>
            <td>${r.seatsTaken} / ${r.event.capacity}</td>
            <td>${r.waiting}</td>
            <td>
              <a href="${CONSOLE_EVENTS}/${eid}" aria-label="${w.consoleLink}: ${when}">${w.consoleLink}</a>
              ${r.event.status !== 'draft' ? html` · <a href="/veranstaltungen/${eid}" aria-label="${w.publicLink}: ${when}">${w.publicLink}</a>` : ''}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`,
  );
  return {
    title: s.template.title,
    section: 'console',
    body: html`<h1>${s.template.title}</h1>
      ${consoleNav(ctx, 'events')} ${opts.message ? notice(opts.message) : ''}
      <p>${seriesRuleText(ctx, s)}</p>
      ${
        opts.canManage && future.length
          ? html`<div class="actions">
              ${drafts ? html`<form method="post" action="${CONSOLE_SERIES}/${id}/veroeffentlichen">${csrfField(ctx)}<button type="submit">${w.publish}</button></form>` : ''}
              <a class="button button--secondary" href="${CONSOLE_SERIES}/${id}/bearbeiten"
                >${w.editFuture}</a
              >
              <a href="${CONSOLE_SERIES}/${id}/absagen">${w.cancelFuture}</a>
            </div>`
          : future.length
            ? ''
            : html`<p>${w.noFuture}</p>`
      }
      <h2>${w.dates}</h2>
      ${table}`,
  };
}

export function cancelSeriesPage(ctx: PageContext, s: EventSeriesDoc, futureCount: number): Page {
  const w = seriesWords[ctx.lang];
  const id = String(s._id);
  return {
    title: w.cancelFuture,
    section: 'console',
    body: html`<h1>${w.cancelFuture}</h1>
      ${consoleNav(ctx, 'events')}
      <p><strong>${s.template.title}</strong></p>
      <p>${futureCount ? w.cancelConfirm(futureCount) : w.noFuture}</p>
      <div class="actions">
        ${futureCount ? html`<form method="post" action="${CONSOLE_SERIES}/${id}/absagen">${csrfField(ctx)}<button type="submit" class="danger">${w.cancelFuture}</button></form>` : ''}
        <a href="${CONSOLE_SERIES}/${id}">${w.back}</a>
      </div>`,
  };
}

/** On a date's console page: which series it belongs to, and the two ways to edit. */
export function seriesNoteForConsole(
  ctx: PageContext,
  e: EventDoc,
  seriesTitle: string,
  canManage: boolean,
): SafeHtml {
  if (!e.seriesId) return html``;
  const w = seriesWords[ctx.lang];
  const id = String(e._id);
  return html`<p class="series-note">
    ${w.partOf} <a href="${CONSOLE_SERIES}/${e.seriesId}">${seriesTitle}</a>
    ${
      canManage && e.status !== 'cancelled'
        ? html` · <a href="${CONSOLE_EVENTS}/${id}/bearbeiten">${w.editThis}</a> ·
            <a href="${CONSOLE_SERIES}/${e.seriesId}/bearbeiten">${w.editAll}</a>`
        : ''
    }
  </p>`;
}
