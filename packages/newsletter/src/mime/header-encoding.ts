/**
 * Header values for a message built without a mail library: RFC 2047 encoded words (UTF-8,
 * base64) for anything outside printable ASCII, and folding at spaces (RFC 5322 §2.2.3) so
 * lines stay within 78 characters where a space allows it. A URL is never broken: folding only
 * inserts CRLF before an existing space, which every reader (and DKIM's relaxed canonical form)
 * turns back into that space.
 */
const PRINTABLE = /^[\x20-\x7e]*$/;

export function encodeWords(value: string): string {
  if (PRINTABLE.test(value)) return value;
  // Encoded words of at most 75 characters: 12 for =?UTF-8?B?…?=, so 45 bytes of payload each,
  // cut at character boundaries.
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ');
}

/** A display name: quoted if it has specials, encoded if it is not ASCII. */
export function mailbox(name: string | undefined, address: string): string {
  if (!name) return `<${address}>`;
  if (!PRINTABLE.test(name)) return `${encodeWords(name)} <${address}>`;
  const quoted = /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${quoted} <${address}>`;
}

export function foldHeader(name: string, value: string): string {
  const parts = value.split(' ');
  let line = `${name}:`;
  const lines: string[] = [];
  for (const p of parts) {
    if (line.length + 1 + p.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = ` ${p}`;
    } else {
      line += ` ${p}`;
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}
