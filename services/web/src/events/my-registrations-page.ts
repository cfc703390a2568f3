import { googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from '@qn/calendar';
import type { AddressRegistration } from '@qn/events';
import { csrfField, facts, formatDateTime, html, notice, type Page, type PageContext } from '@qn/web-ui';
import { whenText, whereText } from './event-view';
import { myRegistrationsWords } from './my-registrations-words';
import { waitlistPlace } from './waitlist-words';

export type ListedRegistration = AddressRegistration & {
  /** The registration's own manage link token. */
  manageToken: string;
  /** Place on the waiting list while waitlisted. */
  waitlistPosition: number | null;
};

/** The status in words, as the manage page says it. */
function statusText(ctx: PageContext, r: ListedRegistration, timeZone: string): string {
  const { t } = ctx;
  const reg = r.registration;
  if (r.event.status === 'cancelled') return t('manage.eventCancelled');
  if (reg.status === 'offered')
    return t('manage.status.offered', {
      date: reg.offerExpiresAt ? formatDateTime(reg.offerExpiresAt, ctx.lang, timeZone) : '',
    });
  if (reg.status === 'waitlisted' && r.waitlistPosition) return waitlistPlace[ctx.lang](r.waitlistPosition);
  return t(`manage.status.${reg.status}`);
}

/**
 * Every current and upcoming registration of one address, each with its own manage link, and
 * the address's personal calendar feed. Reached only through one of its manage links.
 */
export function myRegistrationsPage(
  ctx: PageContext,
  opts: {
    registrations: ListedRegistration[];
    /** The manage token the page was opened with, for the way back. */
    token: string;
    /** The personal feed's https URL. */
    feedUrl: string;
    timeZone: string;
    /** The feed's address was just replaced. */
    rotated?: boolean;
  },
): Page {
  const { t } = ctx;
  const w = myRegistrationsWords[ctx.lang];
  const feedName = 'Quartiersnetz – Meine Veranstaltungen';
  const list = opts.registrations.length
    ? html`<ul class="list">
        ${opts.registrations.map(
          (r) =>
            html`<li>
              <h3>
                <a href="/veranstaltungen/anmeldung/${r.manageToken}">${r.event.title}</a>
              </h3>
              ${facts([
                [t('events.when'), whenText(ctx, r.event, opts.timeZone)],
                [
                  t('events.where'),
                  whereText(ctx, r.event, {
                    withLink: r.registration.status === 'confirmed' && r.event.status !== 'cancelled',
                  }),
                ],
                [w.status, statusText(ctx, r, opts.timeZone)],
              ])}
            </li>`,
        )}
      </ul>`
    : html`<p>${w.none}</p>`;
  const clientLink = (link?: 'google' | 'outlook') =>
    link === 'google'
      ? html` <a href="${googleSubscribeUrl(opts.feedUrl)}" rel="noopener">${w.google}</a>`
      : link === 'outlook'
        ? html` <a href="${outlookSubscribeUrl(opts.feedUrl, feedName)}" rel="noopener">${w.outlook}</a>`
        : '';
  return {
    title: w.title,
    section: 'events',
    body: html`<h1>${w.title}</h1>
      <p>${w.intro}</p>
      <section aria-labelledby="my-registrations-title">
        <h2 id="my-registrations-title">${w.listTitle}</h2>
        ${list}
      </section>
      <section aria-labelledby="my-feed-title">
        <h2 id="my-feed-title">${w.feedTitle}</h2>
        ${opts.rotated ? notice(w.rotated) : ''}
        <p>${w.feedIntro}</p>
        <p><a href="${webcalUrl(opts.feedUrl)}">${w.webcal}</a></p>
        <div class="field">
          <label for="feed-url">${w.urlLabel}</label>
          <p class="hint" id="feed-url-hint">${w.urlHint}</p>
          <input id="feed-url" type="url" readonly value="${opts.feedUrl}" aria-describedby="feed-url-hint" />
        </div>
        <h3>${w.howTitle}</h3>
        <dl class="facts">
          ${w.how.map(
            (h) =>
              html`<div>
                <dt>${h.client}</dt>
                <dd>${h.text}${clientLink(h.link)}</dd>
              </div>`,
          )}
        </dl>
        <p>${w.personal}</p>
        <form method="post" action="/veranstaltungen/meine-anmeldungen/${opts.token}/kalender-neu">
          ${csrfField(ctx)}
          <p class="hint" id="feed-rotate-hint">${w.rotateHint}</p>
          <button type="submit" class="secondary" aria-describedby="feed-rotate-hint">${w.rotate}</button>
        </form>
      </section>
      <p><a href="/veranstaltungen/anmeldung/${opts.token}">${w.back}</a></p>`,
  };
}
