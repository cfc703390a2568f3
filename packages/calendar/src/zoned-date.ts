/**
 * An instant that answers getFullYear()…getSeconds() as wall-clock time in one IANA zone.
 * ical-generator formats a timed DTSTART;TZID from those getters; it recognises this shape
 * (`internal`, `withTimeZone`, `tzComponents`) as a TZDate. @date-fns/tz's TZDate does the
 * same but recomputes the zone offset on every getter call, which made it the largest cost of
 * building a 1,000-event feed; here the parts are computed once per instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

type Parts = { y: number; mo: number; d: number; h: number; mi: number; s: number };

function partsOf(ms: number, tz: string): Parts {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(tz).formatToParts(ms)) {
    if (type !== 'literal') p[type] = Number(value);
  }
  return { y: p.year!, mo: p.month! - 1, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second! };
}

export class ZonedDate extends Date {
  readonly internal: Date;
  private readonly parts: Parts;

  constructor(
    instant: Date | number,
    readonly timeZone: string,
  ) {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    super(ms);
    this.internal = new Date(ms);
    this.parts = partsOf(ms, timeZone);
  }

  withTimeZone(tz?: string | null): ZonedDate {
    return !tz || tz === this.timeZone ? this : new ZonedDate(this.getTime(), tz);
  }

  tzComponents(): Parts {
    return this.parts;
  }

  override getFullYear(): number {
    return this.parts.y;
  }
  override getMonth(): number {
    return this.parts.mo;
  }
  override getDate(): number {
    return this.parts.d;
  }
  override getHours(): number {
    return this.parts.h;
  }
  override getMinutes(): number {
    return this.parts.mi;
  }
  override getSeconds(): number {
    return this.parts.s;
  }
}

const sameWallTime = (a: Parts, b: Parts): boolean =>
  a.y === b.y && a.mo === b.mo && a.d === b.d && a.h === b.h && a.mi === b.mi && a.s === b.s;

/**
 * True for an instant whose wall-clock time in `tz` also names another instant: the hour that
 * repeats when clocks go back (02:00–03:00 on the last Sunday of October in Europe/Berlin). A
 * DTSTART;TZID with such a time is read as the first of the two, so these go out in UTC.
 */
export function isAmbiguousWallTime(instant: Date, tz: string): boolean {
  const ms = instant.getTime();
  const wall = partsOf(ms, tz);
  return sameWallTime(wall, partsOf(ms - 3_600_000, tz)) || sameWallTime(wall, partsOf(ms + 3_600_000, tz));
}
