import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentCoding, FeedRepresentation } from '@qn/calendar';

/** Smaller than this, compressing costs more than it saves. */
const MIN_COMPRESS_BYTES = 1_024;

/** Picks br, then gzip, when the client accepts them (q > 0); identity otherwise. */
export function negotiateCoding(acceptEncoding: string | undefined, size: number): ContentCoding {
  if (!acceptEncoding || size < MIN_COMPRESS_BYTES) return 'identity';
  let br = 0;
  let gzip = 0;
  let star = -1;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (name === 'br') br = weight;
    else if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') star = weight;
  }
  if (star > 0) {
    if (br === 0 && !/\bbr\b/i.test(acceptEncoding)) br = star;
    if (gzip === 0 && !/\bgzip\b/i.test(acceptEncoding)) gzip = star;
  }
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
function isNotModified(req: IncomingMessage, rep: FeedRepresentation): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return rep.matches(inm);
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const t = Date.parse(ims);
    return Number.isFinite(t) && rep.lastModified.getTime() <= t;
  }
  return false;
}

export type SendOptions = { cacheControl: string; disposition: 'inline' | 'attachment' };

/**
 * Answers GET and HEAD (express routes HEAD to GET handlers; node sends no body for HEAD) with
 * the cached bytes: 304 on a matching validator, else the representation in the best coding.
 */
export function sendFeed(
  req: IncomingMessage,
  res: ServerResponse,
  rep: FeedRepresentation,
  opts: SendOptions,
): void | Promise<void> {
  const coding = negotiateCoding(req.headers['accept-encoding'], rep.body.length);
  res.setHeader('Cache-Control', opts.cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', rep.etag(coding));
  res.setHeader('Last-Modified', rep.lastModifiedHttp);
  if (isNotModified(req, rep)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', `${opts.disposition}; filename="${rep.meta.filename}"`);
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  const bytes = rep.bytes(coding);
  if (Buffer.isBuffer(bytes)) return write(res, bytes);
  return bytes.then((b) => write(res, b));
}

function write(res: ServerResponse, bytes: Buffer): void {
  res.setHeader('Content-Length', String(bytes.length));
  res.statusCode = 200;
  res.end(bytes);
}
