const HEX = '0123456789ABCDEF';

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text, line breaks written as CRLF hard breaks and
 * lines soft-broken at 76 characters. A byte loop into a preallocated buffer: the campaign body
 * is encoded once per recipient, so this runs tens of thousands of times per campaign.
 * Tabs and a space right after another are written encoded, so the output has no whitespace
 * runs and no trailing whitespace: it is its own DKIM relaxed canonical form (see dkim-sign.ts).
 */
export function encodeQuotedPrintable(text: string): Buffer {
  const src = Buffer.from(text.replace(/\r\n|\r|\n/g, '\n'), 'utf8');
  const out = Buffer.allocUnsafe(src.length * 3 + Math.ceil(src.length / 70) * 3 + 4);
  let o = 0;
  let col = 0;
  const softBreak = () => {
    out[o++] = 0x3d; // =
    out[o++] = 0x0d;
    out[o++] = 0x0a;
    col = 0;
  };
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0x0a) {
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      col = 0;
      continue;
    }
    const next = src[i + 1];
    const atLineEnd = next === undefined || next === 0x0a;
    // Tabs always encoded, spaces only when single and not at a line end: DKIM's relaxed form
    // would turn a tab or a run into one space.
    const prevIsSpace = col > 0 && out[o - 1] === 0x20;
    const literal = (b >= 33 && b <= 126 && b !== 0x3d) || (b === 0x20 && !atLineEnd && !prevIsSpace);
    const width = literal ? 1 : 3;
    // Keep room for the soft break's "=" (76 including it).
    if (col + width > (atLineEnd ? 76 : 75)) softBreak();
    if (literal) {
      out[o++] = b;
    } else {
      out[o++] = 0x3d;
      out[o++] = HEX.charCodeAt(b >> 4);
      out[o++] = HEX.charCodeAt(b & 15);
    }
    col += width;
  }
  return out.subarray(0, o);
}
