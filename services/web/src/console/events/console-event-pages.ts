import type { Attendee, AttendeeCounts, EventDoc } from '@qn/events';
import {
  attrs,
  csrfField,
  formatDateTime,
  formPageTitle,
  formatTime,
  html,
  notice,
  tableRegion,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { mediaWords } from '../../events/event-media-words';
import { whenText } from '../../events/event-view';
import { attendeeWords } from './attendee-words';
import { importWords } from './attendee-import-words';
import { CONSOLE_SERIES, seriesNoteForConsole } from './console-series-pages';
import { seriesWords } from './console-series-words';
import { questionPageWords } from './console-event-questions-words';
import { answerLines } from '../../events/question-fields';

export const CONSOLE_EVENTS = '/konsole/veranstaltungen';

function statusBadge(ctx: PageContext, e: EventDoc): SafeHtml {
  return html`<span class="badge">${ctx.t(`ce.status.${e.status}`)}</span>`;
}

export function consoleEventListPage(ctx: PageContext, events: EventDoc[], timeZone: string): Page {
  const { t } = ctx;
  return {
    title: t('ce.title'),
    section: 'console',
    body: html`<h1>${t('ce.title')}</h1>
      ${consoleNav(ctx, 'events')}
      <p>
        <a class="button" href="${CONSOLE_EVENTS}/neu">${t('ce.new')}</a>
        <a class="button button--secondary" href="${CONSOLE_SERIES}/neu"
          >${seriesWords[ctx.lang].newSeries}</a
        >
      </p>
      ${
        events.length
          ? html`<ul class="list">
              ${events.map(
                (e) =>
                  html`<li>
                    <h2><a href="${CONSOLE_EVENTS}/${String(e._id)}">${e.title}</a></h2>
                    <p class="meta">${whenText(ctx, e, timeZone)} · ${statusBadge(ctx, e)}</p>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('common.none')}</p>`
      }`,
  };
}

export function consoleEventFormPage(
  ctx: PageContext,
  title: string,
  form: SafeHtml,
  state: FormState,
): Page {
  return {
    title: formPageTitle(state, title, ctx.t),
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'events')}${form}`,
  };
}

function attendeeTable(
  ctx: PageContext,
  e: EventDoc,
  attendees: Attendee[],
  timeZone: string,
  canManage: boolean,
): SafeHtml {
  const { t } = ctx;
  if (!attendees.length) return html`<p>${t('common.none')}</p>`;
  // A column of answers only where there is something to show.
  const asks = !!e.questions?.length || attendees.some((a) => a.answers?.length);
  return tableRegion(
    t('ce.attendees'),
    html`<table>
      <caption class="visually-hidden">
        ${t('ce.attendees')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('ce.attendee.name')}</th>
          <th scope="col">${t('ce.attendee.email')}</th>
          <th scope="col">${attendeeWords[ctx.lang].contact}</th>
          <th scope="col">${t('ce.attendee.organisation')}</th>
          <th scope="col">${t('ce.attendee.companions')}</th>
          <th scope="col">${t('ce.attendee.needs')}</th>
          ${asks ? html`<th scope="col">${questionPageWords[ctx.lang].answers}</th>` : ''}
          <th scope="col">${t('ce.attendee.status')}</th>
          <th scope="col">${t('ce.attendee.checkedIn')}</th>
          ${canManage ? html`<th scope="col">${t('ce.attendee.actions')}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${attendees.map(
          (a) =>
            html`<tr>
              <td>${a.name}</td>
              <td>${a.email ?? attendeeWords[ctx.lang].noEmail}</td>
              <td>${contactLines(a)}</td>
              <td>${a.organisation ?? ''}</td>
              <td>${a.companions}</td>
              <td>${a.accessibilityNeeds ?? ''}</td>
              ${asks ? html`<td>${answerLines(ctx, a.answers)}</td>` : ''}
              <td>${t(`ce.att.${a.status}`)}</td>
              <td>${a.checkedInAt ? formatDateTime(a.checkedInAt, ctx.lang, timeZone) : ''}</td>
              ${canManage ? html`<td>${registrationActions(ctx, e, a)}</td>` : ''}
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** Phone and postal address of someone registered without an address, line by line. */
function contactLines(a: Attendee): SafeHtml {
  const lines = [a.phone, ...(a.postalAddress?.split('\n') ?? [])].filter(Boolean);
  return html`${lines.map((l, i) => html`${i ? html`<br />` : ''}${l}`)}`;
}

/** Buttons that change one registration; each names its person for screen readers. */
function registrationActions(ctx: PageContext, e: EventDoc, a: Attendee): SafeHtml {
  const { t } = ctx;
  const active = a.status === 'confirmed' || a.status === 'waitlisted' || a.status === 'offered';
  if (!active || e.status === 'cancelled') return html``;
  const base = `${CONSOLE_EVENTS}/${String(e._id)}/anmeldungen/${a.id}`;
  const button = (action: string, label: string, cls?: string) =>
    html`<form method="post" action="${base}/${action}">
      ${csrfField(ctx)}<button type="submit" ${attrs({ class: cls, 'aria-label': `${label}: ${a.name}` })}>
        ${label}
      </button>
    </form>`;
  return html`<div class="actions">
    ${a.status !== 'confirmed' && e.status === 'published' ? button('nachruecken', t('ce.reg.promote')) : ''}
    ${button('stornieren', t('ce.reg.cancel'), 'secondary')}
  </div>`;
}

export function consoleEventPage(
  ctx: PageContext,
  e: EventDoc,
  counts: AttendeeCounts,
  attendees: Attendee[],
  opts: { timeZone: string; message?: string; canManage: boolean },
): Page {
  const { t } = ctx;
  const id = String(e._id);
  const manage = opts.canManage;
  return {
    title: e.title,
    section: 'console',
    body: html`<h1>${e.title}</h1>
      ${consoleNav(ctx, 'events')} ${opts.message ? notice(opts.message) : ''}
      <p>${whenText(ctx, e, opts.timeZone)} · ${statusBadge(ctx, e)}</p>
      ${seriesNoteForConsole(ctx, e, e.title, manage)}
      <p>
        ${t('ce.counts', { confirmed: counts.confirmed, seats: counts.seatsTaken, capacity: counts.capacity, waitlisted: counts.waitlisted, offered: counts.offered, cancelled: counts.cancelled, attended: counts.attended })}
      </p>
      <div class="actions">
        ${manage && e.status !== 'cancelled' ? html`<a class="button button--secondary" href="${CONSOLE_EVENTS}/${id}/bearbeiten">${t('ce.edit')}</a>` : ''}
        ${manage && e.status === 'draft' ? html`<form method="post" action="${CONSOLE_EVENTS}/${id}/veroeffentlichen">${csrfField(ctx)}<button type="submit">${t('ce.publish')}</button></form>` : ''}
        ${manage && e.status === 'published' ? html`<a class="button" href="${CONSOLE_EVENTS}/${id}/check-in">${t('ce.checkin')}</a>` : ''}
        ${manage ? html`<a href="${CONSOLE_EVENTS}/${id}/medien">${mediaWords[ctx.lang].link}</a>` : ''}
        ${e.status !== 'draft' ? html`<a href="/veranstaltungen/${id}">${t('ce.view')}</a>` : ''}
        ${manage && e.status !== 'cancelled' ? html`<a href="${CONSOLE_EVENTS}/${id}/absagen">${t('ce.cancel')}</a>` : ''}
      </div>
      <h2>${t('ce.attendees')}</h2>
      <p>
        ${manage && e.status === 'published' ? html`<a class="button" href="${CONSOLE_EVENTS}/${id}/anmelden">${t('ce.reg.onBehalf')}</a>` : ''}
        ${manage && e.status === 'published' ? html`<a href="${CONSOLE_EVENTS}/${id}/importieren">${importWords[ctx.lang].link}</a>` : ''}
        ${manage && e.status !== 'cancelled' ? html`<a href="${CONSOLE_EVENTS}/${id}/fragen">${questionPageWords[ctx.lang].link}</a>` : ''}
        <a href="${CONSOLE_EVENTS}/${id}/teilnehmende.csv" download>${t('ce.export')}</a>
      </p>
      ${attendeeTable(ctx, e, attendees, opts.timeZone, manage)}`,
  };
}

export function cancelEventPage(ctx: PageContext, e: EventDoc, withoutEmail: Attendee[] = []): Page {
  const { t } = ctx;
  const id = String(e._id);
  const w = attendeeWords[ctx.lang];
  return {
    title: t('ce.cancel'),
    section: 'console',
    body: html`<h1>${t('ce.cancel')}</h1>
      ${consoleNav(ctx, 'events')}
      <p>${t('ce.cancelConfirm', { title: e.title })}</p>
      ${
        withoutEmail.length
          ? html`<p>${w.cancelEventCall}</p>
              <ul>
                ${withoutEmail.map((a) => html`<li>${a.name}: ${contactLines(a)}</li>`)}
              </ul>`
          : ''
      }
      <div class="actions">
        <form method="post" action="${CONSOLE_EVENTS}/${id}/absagen">
          ${csrfField(ctx)}<button type="submit" class="danger">${t('ce.cancel')}</button>
        </form>
        <a href="${CONSOLE_EVENTS}/${id}">${t('common.back')}</a>
      </div>`,
  };
}

/**
 * Check-in at the door, built for a phone: one column, big buttons, a name search that works
 * without JavaScript, and after each tap the page returns to the same person.
 */
export function checkInPage(
  ctx: PageContext,
  e: EventDoc,
  attendees: Attendee[],
  opts: { timeZone: string; q: string; message?: string },
): Page {
  const { t } = ctx;
  const id = String(e._id);
  const confirmed = attendees.filter((a) => a.status === 'confirmed');
  const needle = opts.q.trim().toLowerCase();
  const shown = needle ? confirmed.filter((a) => a.name.toLowerCase().includes(needle)) : confirmed;
  const attended = confirmed.filter((a) => a.checkedInAt).length;
  return {
    title: t('ce.checkin.title', { title: e.title }),
    section: 'console',
    body: html`<h1>${t('ce.checkin.title', { title: e.title })}</h1>
      <p><a href="${CONSOLE_EVENTS}/${id}">${t('common.back')}</a></p>
      ${opts.message ? notice(opts.message) : ''}
      <p><strong>${t('ce.checkin.count', { attended, confirmed: confirmed.length })}</strong></p>
      <form method="get" action="${CONSOLE_EVENTS}/${id}/check-in" role="search" class="actions">
        <label for="checkin-q" class="visually-hidden">${t('ce.checkin.search')}</label>
        <input
          id="checkin-q"
          type="search"
          name="q"
          value="${opts.q}"
          placeholder="${t('ce.checkin.search')}"
        />
        <button type="submit">${t('common.search')}</button>
      </form>
      <ul class="checkin-list">
        ${shown.map(
          (a) =>
            html`<li id="a-${a.id}">
              <span
                ><strong>${a.name}</strong
                >${a.companions ? ` +${a.companions}` : ''}${a.organisation ? html`<br /><span class="meta">${a.organisation}</span>` : ''}
                ${a.checkedInAt ? html`<br /><span class="checked-in">${t('ce.checkin.done', { time: formatTime(a.checkedInAt, ctx.lang, opts.timeZone) })}</span>` : ''}</span
              >
              <form method="post" action="${CONSOLE_EVENTS}/${id}/check-in/${a.id}">
                ${csrfField(ctx)}
                <input type="hidden" name="attended" value="${a.checkedInAt ? '0' : '1'}" />
                <input type="hidden" name="q" value="${opts.q}" />
                <button
                  type="submit"
                  ${attrs({ class: a.checkedInAt ? 'secondary' : undefined, 'aria-label': `${a.checkedInAt ? t('ce.checkin.undo') : t('ce.checkin.do')}: ${a.name}` })}
                >
                  ${a.checkedInAt ? t('ce.checkin.undo') : t('ce.checkin.do')}
                </button>
              </form>
            </li>`,
        )}
      </ul>`,
  };
}
