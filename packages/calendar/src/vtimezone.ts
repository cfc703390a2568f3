import { getVtimezoneComponent } from '@touch4it/ical-timezones';

/**
 * ical-generator 11 writes a VTIMEZONE only through a `timezone.generator`; this one comes from
 * tzurl.org's Outlook-compatible definitions (RRULE-based, what Outlook and Google accept).
 */
export function vtimezoneOf(tzid: string): string | null {
  return getVtimezoneComponent(tzid) ?? null;
}
