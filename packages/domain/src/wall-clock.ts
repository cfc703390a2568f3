/**
 * Wall-clock time in a time zone, as milliseconds of a UTC date with the same fields: the one
 * conversion the forms (datetime-local values) and the series rules (18:00 every Tuesday) both
 * need, so both agree across the DST switches.
 */
export function wallClockOf(d: Date, timeZone: string): number {
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

/** The instant a wall-clock time (as `wallClockOf` gives it) denotes in `timeZone`. */
export function instantOfWallClock(wall: number, timeZone: string): Date {
  let at = wall - (wallClockOf(new Date(wall), timeZone) - wall);
  // Near a DST switch the offset at the guess differs from the offset at the result.
  const again = wall - (wallClockOf(new Date(at), timeZone) - at);
  if (again !== at) at = again;
  return new Date(at);
}
