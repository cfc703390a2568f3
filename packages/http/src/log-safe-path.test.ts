import { logSafePath } from './log-safe-path';

describe('logSafePath', () => {
  const manage = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
  it.each([
    [`/veranstaltungen/anmeldung/${manage}`, '/veranstaltungen/anmeldung/:token'],
    [
      `/veranstaltungen/anmeldung/${manage}/stornieren?erledigt=1`,
      '/veranstaltungen/anmeldung/:token/stornieren',
    ],
    [`/feeds/personal/${manage}.ics`, '/feeds/personal/:token'],
    [
      '/api/newsletter/u/u.65e0000000000000000000a1.Zm9vYmFyYmF6cXV4cXV1eA.x9ZyQ1_aBcDeFgHiJkLmNo',
      '/api/newsletter/u/:token',
    ],
    ['/anmelden/link/6751b2d3e4b0a1b2.Zm9vYmFyYmF6cXV4cXV1eEFCREVGR0g', '/anmelden/link/:token'],
    ['/api/inbound/0123456789abcdef0123456789abcdef', '/api/inbound/:token'],
    ['/foerderprogramme/benachrichtigungen', '/foerderprogramme/benachrichtigungen'],
    ['/konsole/veranstaltungen/neu#x', '/konsole/veranstaltungen/neu'],
  ])('%s → %s', (url, safe) => {
    expect(logSafePath(url)).toBe(safe);
  });
});
