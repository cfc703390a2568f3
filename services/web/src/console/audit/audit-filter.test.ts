import { parseAuditFilter, parseDate } from './audit-filter';
import { auditWords } from './audit-words';

const w = auditWords.de;
const tz = 'Europe/Berlin';

describe('parseDate', () => {
  it('reads the German and the ISO form and refuses days that do not exist', () => {
    expect(parseDate('03.12.2026')).toEqual({ y: 2026, m: 12, d: 3 });
    expect(parseDate('3.2.2026')).toEqual({ y: 2026, m: 2, d: 3 });
    expect(parseDate('2026-12-03')).toEqual({ y: 2026, m: 12, d: 3 });
    for (const bad of ['31.02.2026', '29.02.2027', '12/03/2026', '03.12.26', '2026-13-01', '01.01.1999', 'x'])
      expect(parseDate(bad)).toBeUndefined();
  });
});

describe('parseAuditFilter', () => {
  it('takes "bis" as the whole day in Berlin, winter and summer', () => {
    const r = parseAuditFilter({ from: '01.07.2026', to: '03.12.2026' }, w, tz);
    expect(r.ok && r.filter.from?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(r.ok && r.filter.to?.toISOString()).toBe('2026-12-03T23:00:00.000Z');
  });

  it('names every wrong field and keeps what was entered', () => {
    const r = parseAuditFilter(
      { from: '31.02.2026', who: '{"$ne":1}', page: '0', action: ['a', 'b'] },
      w,
      tz,
    );
    expect(r.ok).toBe(false);
    expect(r.form.errors).toEqual({
      from: w.badDate,
      who: w.badChoice,
      page: w.badPage,
      action: w.badChoice,
    });
    expect(r.form.values.from).toBe('31.02.2026');
  });

  it('refuses a range that ends before it starts', () => {
    const r = parseAuditFilter({ from: '03.12.2026', to: '02.12.2026' }, w, tz);
    expect(r.form.errors).toEqual({ to: w.toBeforeFrom });
  });
});
