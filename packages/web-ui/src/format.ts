import { instantOfWallClock, wallClockOf } from '@qn/domain';
import type { Lang } from './i18n';

const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** "Mi., 3. Dez. 2026, 14:00" in the office's time zone. */
export function formatDateTime(d: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

export function formatDate(d: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

export function formatTime(d: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, hour: '2-digit', minute: '2-digit' }).format(d);
}

export function formatEuro(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n);
}

/** `YYYY-MM-DDTHH:mm` for `<input type="datetime-local">`, in the office's time zone. */
export function toLocalInput(d: Date, timeZone: string): string {
  return new Date(wallClockOf(d, timeZone)).toISOString().slice(0, 16);
}

/** The instant a wall-clock time in `timeZone` denotes (the form's value back to a Date). */
export function fromLocalInput(value: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  return instantOfWallClock(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!), timeZone);
}
