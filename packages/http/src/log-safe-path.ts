/**
 * A request path as logs may hold it: no query string, and every segment that carries a run
 * of 20 or more token characters replaced by `:token`, whatever surrounds the run: manage
 * and feed tokens (`<43 chars>`, `<43 chars>.ics`), newsletter link tokens with their dots
 * (`u.<list>.<hash>.<mac>`), sign-in links (`<id>.<secret>`), hook secrets, and ids. Route
 * words stay readable (the longest, "benachrichtigungen", has 18 letters).
 */
export function logSafePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0]!;
  return path.replace(/(?<=\/)[^/]*[A-Za-z0-9_-]{20,}[^/]*/g, ':token');
}
