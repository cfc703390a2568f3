import { fundingConsoleWords } from './funding-console-words';

it('says what is wrong with a link in words, in both languages', () => {
  const { de, en } = fundingConsoleWords;
  expect(de.problem(404, undefined)).toBe('Seite nicht gefunden (HTTP 404)');
  expect(en.problem(404, undefined)).toBe('Page not found (HTTP 404)');
  expect(de.problem(599, undefined)).toBe('Fehler auf dem Server (HTTP 599)');
  expect(de.problem(418, undefined)).toBe('Unerwartete Antwort (HTTP 418)');
  expect(de.problem(undefined, 'timeout')).toBe('Keine Antwort innerhalb der Wartezeit');
  expect(en.problem(undefined, 'ENOTFOUND')).toBe('Address (domain) not found');
  expect(de.problem(undefined, 'ESOMETHING')).toBe('Fehler: ESOMETHING');
  expect(en.problem(undefined, undefined)).toBe('Unreachable');
});
