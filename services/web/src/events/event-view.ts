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

export function whereText(e: Pick<EventDoc, 'venue' | 'onlineUrl'>): string {
  return venueLine(e);
}

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
