import { negotiateCoding } from './send-feed';

describe('negotiateCoding', () => {
  const big = 100_000;
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['x-gzip', 'gzip'],
    ['gzip;q=abc', 'identity'],
  ])('Accept-Encoding %p → %s', (header, coding) => {
    expect(negotiateCoding(header, big)).toBe(coding);
  });

  it('sends small bodies uncompressed', () => {
    expect(negotiateCoding('br', 200)).toBe('identity');
  });
});
