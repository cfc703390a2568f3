const HEX = '0123456789ABCDEF';

// Scratch space reused across calls (encoding is synchronous): a campaign encodes two parts per
// recipient, and fresh buffers per call would be tens of megabytes of garbage per second.
let input = Buffer.alloc(64 * 1024);
// Worst case: every byte encoded (3) plus a soft break (3) per 25 of them: under 4 per byte.
let output = Buffer.alloc(4 * 64 * 1024 + 16);

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text, line breaks written as CRLF hard breaks and
 * lines soft-broken at 76 characters. A byte loop over reused buffers: the campaign body is
 * encoded once per recipient, so this runs tens of thousands of times per campaign.
 * Tabs and a space right after another are written encoded, so the output has no whitespace
 * runs and no trailing whitespace: it is its own DKIM relaxed canonical form (see dkim-sign.ts).
 */
export function encodeQuotedPrintable(text: string): string {
  const n = encodeIntoScratch(text); // may replace `output` with a larger one
  return output.toString('latin1', 0, n);
}

/**
 * The same encoding as bytes (a copy outside V8's heap): the message is assembled from buffers,
 * so a campaign mail leaves no encoded strings behind for the garbage collector.
 */
export function encodeQuotedPrintableBytes(text: string): Buffer {
  const n = encodeIntoScratch(text); // may replace `output` with a larger one
  const copy = Buffer.allocUnsafeSlow(n);
  output.copy(copy, 0, 0, n);
  return copy;
}

/** Encodes into the scratch output; returns its length in bytes. */
function encodeIntoScratch(text: string): number {
  const normalised = text.includes('\r') ? text.replace(/\r\n|\r/g, '\n') : text;
  const need = Buffer.byteLength(normalised, 'utf8');
  if (need > input.length) {
    input = Buffer.alloc(need);
    output = Buffer.alloc(need * 4 + 16);
  }
  const len = input.write(normalised, 0, 'utf8');
  const src = input;
  const out = output;
  let o = 0;
  let col = 0;
  for (let i = 0; i < len; i++) {
    const b = src[i]!;
    if (b === 0x0a) {
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      col = 0;
      continue;
    }
    const atLineEnd = i + 1 === len || src[i + 1] === 0x0a;
    // Tabs always encoded, spaces only when single and not at a line end: DKIM's relaxed form
    // would turn a tab or a run into one space.
    const prevIsSpace = col > 0 && out[o - 1] === 0x20;
    const literal = (b >= 33 && b <= 126 && b !== 0x3d) || (b === 0x20 && !atLineEnd && !prevIsSpace);
    const width = literal ? 1 : 3;
    // Keep room for the soft break's "=" (76 including it).
    if (col + width > (atLineEnd ? 76 : 75)) {
      out[o++] = 0x3d;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      col = 0;
    }
    if (literal) {
      out[o++] = b;
    } else {
      out[o++] = 0x3d;
      out[o++] = HEX.charCodeAt(b >> 4);
      out[o++] = HEX.charCodeAt(b & 15);
    }
    col += width;
  }
  return o;
}
