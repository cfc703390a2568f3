import { de } from './de';
import { en } from './en';
import { formatNumber, t } from './index';

describe('UI strings', () => {
  it('writes numbers as the language does, leaving years and small counts alone', () => {
    expect(t('de', 'cn.progressRate', { rate: 18.7 })).toBe('18,7 E-Mails pro Sekunde');
    expect(formatNumber('en', 18.7)).toBe('18.7');
    expect(formatNumber('de', 2026)).toBe('2026');
    expect(formatNumber('de', 500_000)).toBe('500.000');
    expect(formatNumber('en', 500_000)).toBe('500,000');
  });

  it('uses the singular for one', () => {
    expect(t('de', 'events.count', { count: 1 })).toBe('1 Veranstaltung gefunden');
    expect(t('de', 'events.count', { count: 2 })).toBe('2 Veranstaltungen gefunden');
    expect(t('en', 'funding.count', { count: 1 })).toBe('1 funding programme found');
    expect(t('de', 'funding.count', { count: 0 })).toBe('0 Förderprogramme gefunden');
  });

  it('has every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });
});
