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

// Header blocks per representation, coding, status and options, built once: the fast path then
// hands node one flat array instead of a dozen validated setHeader calls per request.
const blocks = new WeakMap<FeedRepresentation, Map<string, string[]>>();

function headerBlock(
  rep: FeedRepresentation,
  coding: ContentCoding,
  status: 200 | 304,
  opts: SendOptions,
  length: number,
): string[] {
  let perRep = blocks.get(rep);
  if (!perRep) blocks.set(rep, (perRep = new Map()));
  const key = `${coding}|${status}|${opts.cacheControl}|${opts.disposition}`;
  let block = perRep.get(key);
  if (!block) {
    block = [
      'Cache-Control',
      opts.cacheControl,
      'Vary',
      'Accept-Encoding',
      'ETag',
      rep.etag(coding),
      'Last-Modified',
      rep.lastModifiedHttp,
    ];
    if (status === 200) {
      block.push(
        'Content-Type',
        'text/calendar; charset=utf-8',
        'X-Content-Type-Options',
        'nosniff',
        'Content-Disposition',
        `${opts.disposition}; filename="${rep.meta.filename}"`,
      );
      if (coding !== 'identity') block.push('Content-Encoding', coding);
      block.push('Content-Length', String(length));
    }
    perRep.set(key, block);
  }
  return block;
}

/**
 * Answers GET and HEAD (express routes HEAD to GET handlers; node sends no body for HEAD) with
 * the cached bytes: 304 on a matching validator, else the representation in the best coding.
 * `extra` are further header pairs (the fast path's request id).
 */
export function sendFeed(
  req: IncomingMessage,
  res: ServerResponse,
  rep: FeedRepresentation,
  opts: SendOptions,
  extra?: string[],
): void | Promise<void> {
  const coding = negotiateCoding(req.headers['accept-encoding'], rep.body.length);
  const head = (status: 200 | 304, length: number) => {
    const block = headerBlock(rep, coding, status, opts, length);
    res.writeHead(status, extra ? [...block, ...extra] : block);
  };
  if (isNotModified(req, rep)) {
    head(304, 0);
    res.end();
    return;
  }
  const bytes = rep.bytes(coding);
  if (Buffer.isBuffer(bytes)) {
    head(200, bytes.length);
    res.end(bytes);
    return;
  }
  return bytes.then((b) => {
    head(200, b.length);
    res.end(b);
  });
}
