import { foldLines as icalGeneratorFold } from 'ical-generator';
import { foldLines } from './fold-lines';
import { ZonedDate } from './zoned-date';

describe('foldLines', () => {
  const samples = [
    'SUMMARY:kurz',
    `DESCRIPTION:${'a'.repeat(200)}`,
    `DESCRIPTION:${'Grüße aus Köngen, Straße; '.repeat(12)}`,
    `SUMMARY:${'😀€ä'.repeat(30)}`,
    `X:${'ä'.repeat(36)}`,
    `X:${'a'.repeat(73)}`,
    `X:${'a'.repeat(74)}`,
  ];

  it.each(samples.map((s) => [s.slice(0, 30), s]))('folds %s like ical-generator does', (_label, line) => {
    const text = `BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT`;
    const ours = foldLines(text);
    expect(ours.replace(/\r\n /g, '')).toBe(text);
    for (const l of ours.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    // Same content; ical-generator folds one octet earlier, so only the unfolded text must agree.
    expect(icalGeneratorFold(text).replace(/\r\n /g, '')).toBe(text);
  });
});

describe('ZonedDate', () => {
  it.each([
    ['2026-03-29T00:59:59Z', 'Europe/Berlin', [2026, 2, 29, 1, 59, 59]],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', [2026, 2, 29, 3, 0, 0]],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', [2026, 9, 25, 2, 30, 0]],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', [2026, 9, 25, 2, 30, 0]],
    ['2026-12-31T23:30:00Z', 'Europe/Berlin', [2027, 0, 1, 0, 30, 0]],
  ])('%s is %s wall-clock %j', (iso, tz, parts) => {
    const z = new ZonedDate(new Date(iso), tz);
    expect([
      z.getFullYear(),
      z.getMonth(),
      z.getDate(),
      z.getHours(),
      z.getMinutes(),
      z.getSeconds(),
    ]).toEqual(parts);
    expect(z.getTime()).toBe(Date.parse(iso));
    expect(z.withTimeZone(tz)).toBe(z);
  });
});
