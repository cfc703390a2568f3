import { isAllDay, type CalendarEntry } from './calendar-entry';

/**
 * Links the web pages and mails offer beside an event or a feed. Pure: pass absolute URLs.
 */

/** `https://host/feeds/x.ics` → `webcal://host/feeds/x.ics` (opens the subscribe dialog). */
export function webcalUrl(feedUrl: string): string {
  const u = new URL(feedUrl);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) URL: ${feedUrl}`);
  return `webcal://${u.host}${u.pathname}${u.search}`;
}

/** Google Calendar's "add by URL" for a feed (it accepts webcal:// in `cid`). */
export function googleSubscribeUrl(feedUrl: string): string {
  return `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcalUrl(feedUrl) })}`;
}

/** Outlook on the web's "subscribe from web"; `office` picks Microsoft 365 work accounts. */
export function outlookSubscribeUrl(
  feedUrl: string,
  name: string,
  account: 'personal' | 'office' = 'personal',
): string {
  const host = account === 'office' ? 'outlook.office.com' : 'outlook.live.com';
  return `https://${host}/calendar/0/addfromweb?${new URLSearchParams({ url: feedUrl, name })}`;
}

function compactUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The description, and the page's URL unless the description already carries it. */
function detailsOf(entry: CalendarEntry): string {
  const description = entry.description ?? '';
  return entry.url && !description.includes(entry.url)
    ? [description, entry.url].filter(Boolean).join('\n\n')
    : description;
}

/** Google Calendar's "add this event" template link. */
export function googleEventUrl(entry: CalendarEntry, timezone: string): string {
  const dates = isAllDay(entry)
    ? `${compactDate(entry.date)}/${compactDate(dayAfter(entry.endDate ?? entry.date))}`
    : `${compactUtc(entry.start)}/${compactUtc(entry.end)}`;
  const q = new URLSearchParams({ action: 'TEMPLATE', text: entry.summary, dates, ctz: timezone });
  const details = detailsOf(entry);
  if (details) q.set('details', details);
  if (entry.location) q.set('location', entry.location);
  return `https://calendar.google.com/calendar/render?${q}`;
}

/** Outlook's compose deeplink; `office` for Microsoft 365 work accounts. */
export function outlookEventUrl(entry: CalendarEntry, account: 'personal' | 'office' = 'personal'): string {
  const host = account === 'office' ? 'outlook.office.com' : 'outlook.live.com';
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: entry.summary,
  });
  if (isAllDay(entry)) {
    q.set('startdt', entry.date);
    q.set('enddt', dayAfter(entry.endDate ?? entry.date));
    q.set('allday', 'true');
  } else {
    q.set('startdt', entry.start.toISOString());
    q.set('enddt', entry.end.toISOString());
  }
  const body = detailsOf(entry);
  if (body) q.set('body', body);
  if (entry.location) q.set('location', entry.location);
  return `https://${host}/calendar/0/deeplink/compose?${q}`;
}
