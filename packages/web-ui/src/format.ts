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

function wallClock(d: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/** `YYYY-MM-DDTHH:mm` for `<input type="datetime-local">`, in the office's time zone. */
export function toLocalInput(d: Date, timeZone: string): string {
  return new Date(wallClock(d, timeZone)).toISOString().slice(0, 16);
}

/** The instant a wall-clock time in `timeZone` denotes (the form's value back to a Date). */
export function fromLocalInput(value: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  let at = guess - (wallClock(new Date(guess), timeZone) - guess);
  // Near a DST switch the offset at the guess differs from the offset at the result.
  const again = guess - (wallClock(new Date(at), timeZone) - at);
  if (again !== at) at = again;
  return new Date(at);
}
