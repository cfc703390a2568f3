import {
  googleEventUrl,
  googleSubscribeUrl,
  outlookEventUrl,
  outlookSubscribeUrl,
  webcalUrl,
  type CalendarEntry,
} from '@qn/calendar';
import { html, type PageContext, type SafeHtml } from '@qn/web-ui';

/** One event into one's own calendar: the .ics file, Google, Outlook (the calendar package builds the links). */
export function eventCalendarLinks(
  ctx: PageContext,
  icsPath: string,
  entry: CalendarEntry,
  timeZone: string,
): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="calendar-links-title">
    <h2 id="calendar-links-title">${t('calendar.title')}</h2>
    <ul class="calendar-links">
      <li><a href="${icsPath}">${t('calendar.ics')}</a></li>
      <li><a href="${googleEventUrl(entry, timeZone)}" rel="noopener">${t('calendar.google')}</a></li>
      <li><a href="${outlookEventUrl(entry)}" rel="noopener">${t('calendar.outlook')}</a></li>
    </ul>
  </section>`;
}

/** Subscribe to a feed (webcal, Google, Outlook), e.g. the events matching the current filters. */
export function feedSubscribeLinks(ctx: PageContext, feedUrl: string, name: string): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="calendar-subscribe-title">
    <h2 id="calendar-subscribe-title">${t('calendar.subscribeTitle')}</h2>
    <p>${t('calendar.subscribeText')}</p>
    <ul class="calendar-links">
      <li><a href="${webcalUrl(feedUrl)}">${t('calendar.webcal')}</a></li>
      <li><a href="${googleSubscribeUrl(feedUrl)}" rel="noopener">${t('calendar.googleSubscribe')}</a></li>
      <li>
        <a href="${outlookSubscribeUrl(feedUrl, name)}" rel="noopener">${t('calendar.outlookSubscribe')}</a>
      </li>
    </ul>
  </section>`;
}
