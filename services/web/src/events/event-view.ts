import { EVENT_KINDS, FIELDS_OF_ACTION, labelOf, municipalityName } from '@qn/domain';
import { venueLine, type EventDoc, type PublicEvent } from '@qn/events';
import { formatDateTime, formatTime, html, type PageContext, type SafeHtml } from '@qn/web-ui';

type Shown = Pick<
  EventDoc,
  'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'kind' | 'municipality' | 'fieldsOfAction'
>;

/** "Mi., 3. Dez. 2026, 14:00–16:30" in the office's time zone and the page's language. */
export function whenText(ctx: PageContext, e: Pick<EventDoc, 'startsAt' | 'endsAt'>, tz: string): string {
  const start = formatDateTime(e.startsAt, ctx.lang, tz);
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(e.startsAt) ===
    new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(e.endsAt);
  return sameDay
    ? `${start}–${formatTime(e.endsAt, ctx.lang, tz)}`
    : `${start} – ${formatDateTime(e.endsAt, ctx.lang, tz)}`;
}

/**
 * Where, in the page's language. An online event's meeting link is shown only where the
 * reader holds a seat (their own manage page); everywhere else the page says that confirmed
 * attendees receive it by mail.
 */
export function whereText(
  ctx: PageContext,
  e: { venue: EventDoc['venue']; onlineUrl?: string; online?: boolean },
  opts: { withLink?: boolean } = {},
): string {
  const place = venueLine({ venue: e.venue });
  const online = e.online ?? !!e.onlineUrl;
  if (!online) return place;
  if (opts.withLink && e.onlineUrl)
    return place ? `${place} (online: ${e.onlineUrl})` : `Online: ${e.onlineUrl}`;
  const also = ctx.lang === 'en' ? 'also online' : 'auch online';
  return place ? `${place} (${also})` : 'Online';
}

/** The note beside an online event for anyone without a seat. */
export const meetingLinkNote = {
  de: 'Den Zugangslink zur Online-Teilnahme erhalten bestätigte Teilnehmende per E-Mail.',
  en: 'Confirmed attendees receive the link for joining online by email.',
} as const;

export function kindLabel(ctx: PageContext, e: Shown): string {
  return labelOf(EVENT_KINDS, e.kind, ctx.lang);
}

export function fieldsLabel(ctx: PageContext, e: Shown): string {
  return e.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f, ctx.lang)).join(', ');
}

export function seatsBadge(
  ctx: PageContext,
  e: Pick<PublicEvent, 'status' | 'seatsLeft' | 'waitlistEnabled'>,
): SafeHtml {
  const { t } = ctx;
  if (e.status === 'cancelled') return html`<span class="badge">${t('events.cancelled')}</span>`;
  if (e.seatsLeft > 0)
    return html`<span class="badge">${t('events.seatsLeft', { count: e.seatsLeft })}</span>`;
  return html`<span class="badge">${e.waitlistEnabled ? t('events.fullWaitlist') : t('events.full')}</span>`;
}

export function metaLine(ctx: PageContext, e: Shown): string {
  return `${kindLabel(ctx, e)} · ${municipalityName(e.municipality)}`;
}
