/**
 * Touches ical-generator's output where it falls short of RFC 5545: it writes no CRLF after
 * END:VCALENDAR, and calendar-level X- properties would only come after the components.
 */
export function finishIcs(generated: string, headerLines: string[]): string {
  let out = generated;
  if (headerLines.length > 0) {
    const at = out.indexOf('\r\nBEGIN:V', 'BEGIN:VCALENDAR'.length);
    const cut = at === -1 ? out.lastIndexOf('\r\nEND:VCALENDAR') : at;
    out = out.slice(0, cut) + '\r\n' + headerLines.join('\r\n') + out.slice(cut);
  }
  return out.endsWith('\r\n') ? out : out + '\r\n';
}
