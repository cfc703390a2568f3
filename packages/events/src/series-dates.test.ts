import { isAppError } from '@qn/domain';
import { atLocalTime, localDateTimeOf, seriesDates, type SeriesSchedule } from './series-dates';

const TZ = 'Europe/Berlin';
const local = (d: Date) => {
  const l = localDateTimeOf(d, TZ);
  return `${l.date} ${l.time}`;
};
const fieldsOf = (s: SeriesSchedule): string[] => {
  try {
    seriesDates(s, TZ);
    return [];
  } catch (err) {
    if (!isAppError(err)) throw err;
    return (err.details.fields ?? []).map((f) => f.field);
  }
};

describe('seriesDates', () => {
  it('keeps a weekly 18:00 meeting at 18:00 local time across the change to winter time', () => {
    const dates = seriesDates(
      {
        rule: { freq: 'weekly', weekday: 2 },
        firstDate: '2027-10-15',
        startTime: '18:00',
        durationMinutes: 90,
        count: 4,
      },
      TZ,
    );
    expect(dates.map((d) => local(d.startsAt))).toEqual([
      '2027-10-19 18:00',
      '2027-10-26 18:00',
      '2027-11-02 18:00',
      '2027-11-09 18:00',
    ]);
    // Summer time (UTC+2) before 31 October 2027, winter time (UTC+1) after.
    expect(dates[1]!.startsAt.toISOString()).toBe('2027-10-26T16:00:00.000Z');
    expect(dates[2]!.startsAt.toISOString()).toBe('2027-11-02T17:00:00.000Z');
    expect(dates[2]!.endsAt.toISOString()).toBe('2027-11-02T18:30:00.000Z');
  });

  it('and across the change to summer time', () => {
    const dates = seriesDates(
      {
        rule: { freq: 'weekly', weekday: 4 },
        firstDate: '2027-03-20',
        startTime: '18:00',
        durationMinutes: 60,
        until: '2027-04-02',
      },
      TZ,
    );
    expect(dates.map((d) => d.startsAt.toISOString())).toEqual([
      '2027-03-25T17:00:00.000Z',
      '2027-04-01T16:00:00.000Z',
    ]);
  });

  it('finds the first, the third and the last Wednesday of each month', () => {
    const at = (nth: 1 | 3 | -1) =>
      seriesDates(
        {
          rule: { freq: 'monthly-weekday', weekday: 3, nth },
          firstDate: '2027-01-01',
          startTime: '10:00',
          durationMinutes: 60,
          count: 3,
        },
        TZ,
      ).map((d) => local(d.startsAt).slice(0, 10));
    expect(at(1)).toEqual(['2027-01-06', '2027-02-03', '2027-03-03']);
    expect(at(3)).toEqual(['2027-01-20', '2027-02-17', '2027-03-17']);
    expect(at(-1)).toEqual(['2027-01-27', '2027-02-24', '2027-03-31']);
  });

  it('skips months without the day: the 31st is not moved into a 30-day month or February', () => {
    const dates = seriesDates(
      {
        rule: { freq: 'monthly-day', day: 31 },
        firstDate: '2027-01-01',
        startTime: '09:30',
        durationMinutes: 60,
        until: '2027-08-31',
      },
      TZ,
    );
    expect(dates.map((d) => local(d.startsAt))).toEqual([
      '2027-01-31 09:30',
      '2027-03-31 09:30',
      '2027-05-31 09:30',
      '2027-07-31 09:30',
      '2027-08-31 09:30',
    ]);
    const fifteenth = seriesDates(
      {
        rule: { freq: 'monthly-day', day: 15 },
        firstDate: '2027-01-16',
        startTime: '09:30',
        durationMinutes: 60,
        count: 2,
      },
      TZ,
    );
    expect(fifteenth.map((d) => local(d.startsAt).slice(0, 10))).toEqual(['2027-02-15', '2027-03-15']);
  });

  it('names the field of every unsound rule', () => {
    const base: SeriesSchedule = {
      rule: { freq: 'weekly', weekday: 1 },
      firstDate: '2027-01-04',
      startTime: '18:00',
      durationMinutes: 60,
      count: 2,
    };
    expect(fieldsOf({ ...base, rule: { freq: 'weekly', weekday: 8 as 1 } })).toEqual(['weekday']);
    expect(fieldsOf({ ...base, rule: { freq: 'monthly-weekday', weekday: 1, nth: 5 as 1 } })).toEqual([
      'nth',
    ]);
    expect(fieldsOf({ ...base, rule: { freq: 'monthly-day', day: 32 } })).toEqual(['day']);
    expect(fieldsOf({ ...base, firstDate: '2027-02-30' })).toEqual(['firstDate']);
    expect(fieldsOf({ ...base, startTime: '24:00' })).toEqual(['startTime']);
    expect(fieldsOf({ ...base, durationMinutes: 0 })).toEqual(['durationMinutes']);
    expect(fieldsOf({ ...base, count: 53 })).toEqual(['count']);
    expect(fieldsOf({ ...base, count: undefined })).toEqual(['until']);
    expect(fieldsOf({ ...base, count: undefined, until: '2029-06-01' })).toEqual(['until']);
    // Weekly for a year is 53 Mondays from 4 January 2027 to 3 January 2028: one too many.
    expect(fieldsOf({ ...base, count: undefined, until: '2028-01-03' })).toEqual(['until']);
    expect(fieldsOf({ ...base, count: undefined, until: '2028-01-02' })).toEqual([]);
  });

  it('moves a date to another time of day on its own local day, whatever the offset', () => {
    const winter = new Date('2027-11-02T17:00:00Z');
    expect(atLocalTime(winter, '19:30', TZ).toISOString()).toBe('2027-11-02T18:30:00.000Z');
    const summer = new Date('2027-10-26T16:00:00Z');
    expect(atLocalTime(summer, '19:30', TZ).toISOString()).toBe('2027-10-26T17:30:00.000Z');
  });
});
