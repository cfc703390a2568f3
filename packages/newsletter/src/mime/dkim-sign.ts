import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';

export type DkimKey = { domainName: string; keySelector: string; privateKey: string | KeyObject };

/** Relaxed header canonicalization (RFC 6376 §3.4.2) of one "Name: value" header (folded or not). */
export function relaxedHeader(header: string): string {
  const colon = header.indexOf(':');
  const name = header.slice(0, colon).trim().toLowerCase();
  const value = header
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

/** Relaxed body canonicalization (§3.4.4): whitespace runs to one space, none at line ends, no trailing empty lines. */
export function relaxedBody(body: string): string {
  let b = body.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ');
  b = b.replace(/(\r\n)+$/, '');
  return b.length ? `${b}\r\n` : '';
}

/**
 * One tag per line. h= is folded only before a header name (FWS is allowed around its colons,
 * never inside a name); base64 values (bh=) may be folded anywhere.
 */
function fold(tagList: string): string {
  return tagList
    .split('; ')
    .map((tag) => {
      if (tag.length <= 72) return tag;
      if (!tag.startsWith('h=')) return tag.match(/.{1,72}/g)!.join('\r\n\t');
      const lines: string[] = [];
      let line = '';
      for (const name of tag.slice(2).split(':')) {
        const piece = line ? `:${name}` : `h=${name}`;
        if (line && line.length + piece.length > 72) {
          lines.push(`${line}:`);
          line = name;
        } else line += piece;
      }
      lines.push(line);
      return lines.join('\r\n\t');
    })
    .join(';\r\n\t');
}

/**
 * A DKIM-Signature header (rsa-sha256, relaxed/relaxed) over `headers` (in order, as written) and
 * `body`. The RSA operation runs through crypto.sign's callback form, i.e. on libuv's thread pool,
 * not on the event loop: it is the most expensive step of sending a newsletter message.
 */
export async function dkimSignature(
  key: DkimKey,
  headers: string[],
  body: string | Buffer,
  opts: { now?: Date; bodyIsCanonical?: boolean } = {},
): Promise<string> {
  const now = opts.now ?? new Date();
  const bh = bodyHash(body, !!opts.bodyIsCanonical);
  const names = headers.map((h) => h.slice(0, h.indexOf(':')).trim());
  const tags = [
    'v=1',
    'a=rsa-sha256',
    'c=relaxed/relaxed',
    `d=${key.domainName}`,
    `s=${key.keySelector}`,
    `t=${Math.floor(now.getTime() / 1000)}`,
    `h=${names.join(':')}`,
    `bh=${bh}`,
    'b=',
  ].join('; ');
  const unsigned = `DKIM-Signature: ${fold(tags)}`;
  const data = [...headers.map(relaxedHeader), relaxedHeader(unsigned)].join('\r\n');
  const privateKey = typeof key.privateKey === 'string' ? keyObjectOf(key.privateKey) : key.privateKey;
  const b = await new Promise<string>((resolve, reject) =>
    sign('sha256', Buffer.from(data), privateKey, (err, sig) =>
      err ? reject(err) : resolve(sig.toString('base64')),
    ),
  );
  return `${unsigned}${b.match(/.{1,72}/g)!.join('\r\n\t')}`;
}

/**
 * SHA-256 of the relaxed body. A body without whitespace runs or trailing whitespace (ours: see
 * quoted-printable.ts) only needs its trailing empty lines trimmed: hashed in place, no copy.
 */
function bodyHash(body: string | Buffer, canonical: boolean): string {
  const hash = createHash('sha256');
  if (!canonical) return hash.update(relaxedBody(body.toString('latin1'))).digest('base64');
  let end = body.length;
  const at = (i: number) => (typeof body === 'string' ? body.charCodeAt(i) : body[i]);
  while (end >= 2 && at(end - 2) === 0x0d && at(end - 1) === 0x0a) end -= 2;
  if (end === 0) return hash.update('').digest('base64');
  hash.update(typeof body === 'string' ? body.slice(0, end) : body.subarray(0, end));
  return hash.update('\r\n').digest('base64');
}

const keys = new Map<string, KeyObject>();
function keyObjectOf(pem: string): KeyObject {
  let k = keys.get(pem);
  if (!k) {
    k = createPrivateKey(pem);
    keys.set(pem, k);
  }
  return k;
}
