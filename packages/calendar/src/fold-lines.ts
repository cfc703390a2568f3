/**
 * RFC 5545 §3.1 folding: content lines of at most 75 octets, continued on lines starting with
 * one space, never splitting a UTF-8 sequence. Same rule as ical-generator's foldLines, which
 * appends character by character; this one slices, which matters for a 1 MB feed.
 */
const LIMIT = 75;

function foldLine(line: string): string {
  // Up to 75 UTF-16 units of ASCII or 25 of anything: cannot exceed 75 octets.
  if (line.length <= 25 || (line.length <= LIMIT && !/[^ -~\t]/.test(line))) return line;
  if (Buffer.byteLength(line, 'utf8') <= LIMIT) return line;
  const out: string[] = [];
  let start = 0;
  // The first line holds 75 octets; continuation lines 74 after their leading space.
  let budget = LIMIT;
  let used = 0;
  for (let i = 0; i < line.length;) {
    const c = line.charCodeAt(i);
    const units = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    const octets = c < 0x80 ? 1 : c < 0x800 ? 2 : units === 2 ? 4 : 3;
    if (used + octets > budget) {
      out.push(line.slice(start, i));
      start = i;
      used = 0;
      budget = LIMIT - 1;
    }
    used += octets;
    i += units;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}
