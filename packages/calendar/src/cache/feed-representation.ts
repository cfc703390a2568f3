import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type ContentCoding = 'identity' | 'gzip' | 'br';

/**
 * Built feed bytes plus everything a conditional or compressed answer needs. The compressed
 * variants are made on first demand and then kept, so a feed is compressed once per build,
 * not once per request.
 */
export class FeedRepresentation {
  /** Strong validator of the identity bytes; coded variants append "-gz" / "-br". */
  readonly etagBase: string;

  constructor(
    readonly body: Buffer,
    /** HTTP dates have second precision; kept truncated so comparisons are exact. */
    readonly lastModified: Date,
    readonly meta: { filename: string; builtAt: number },
  ) {
    this.etagBase = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    this.lastModifiedHttp = lastModified.toUTCString();
    this.etags = {
      identity: `"${this.etagBase}"`,
      gzip: `"${this.etagBase}-gz"`,
      br: `"${this.etagBase}-br"`,
    };
  }

  /** Last-Modified as an HTTP date, formatted once. */
  readonly lastModifiedHttp: string;
  private readonly etags: Record<ContentCoding, string>;

  static fromText(text: string, lastModified: Date, filename: string): FeedRepresentation {
    const lm = new Date(Math.floor(lastModified.getTime() / 1000) * 1000);
    return new FeedRepresentation(Buffer.from(text, 'utf8'), lm, { filename, builtAt: Date.now() });
  }

  etag(coding: ContentCoding): string {
    return coding === 'identity'
      ? `"${this.etagBase}"`
      : `"${this.etagBase}-${coding === 'gzip' ? 'gz' : 'br'}"`;
  }

  /** Whether an If-None-Match header names this content (in any coding; weak comparison). */
  matches(ifNoneMatch: string): boolean {
    // The usual case: a client sends back exactly the one tag it was given.
    if (
      ifNoneMatch === this.etags.identity ||
      ifNoneMatch === this.etags.br ||
      ifNoneMatch === this.etags.gzip
    )
      return true;
    for (const raw of ifNoneMatch.split(',')) {
      const tag = raw.trim();
      if (tag === '*') return true;
      const opaque = tag
        .replace(/^W\//, '')
        .replace(/^"|"$/g, '')
        .replace(/-(gz|br)$/, '');
      if (opaque === this.etagBase) return true;
    }
    return false;
  }

  /** The bytes in a coding: at once when already made, else a promise (made once). */
  bytes(coding: ContentCoding): Buffer | Promise<Buffer> {
    if (coding === 'identity') return this.body;
    const done = this.ready.get(coding);
    if (done) return done;
    let p = this.pending.get(coding);
    if (!p) {
      p = (
        coding === 'gzip'
          ? gzipAsync(this.body, { level: 9 })
          : brotliAsync(this.body, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                // 11 takes seconds on a large feed; 9 is within a few percent of it.
                [constants.BROTLI_PARAM_QUALITY]: 9,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
      ).then(
        (b) => {
          this.ready.set(coding, b);
          this.pending.delete(coding);
          return b;
        },
        (err: unknown) => {
          this.pending.delete(coding);
          throw err;
        },
      );
      this.pending.set(coding, p);
    }
    return p;
  }

  /** Bytes held: identity plus the codings made so far (for the cache's byte bound). */
  get weight(): number {
    let n = this.body.length;
    for (const b of this.ready.values()) n += b.length;
    return n;
  }

  private readonly ready = new Map<ContentCoding, Buffer>();
  private readonly pending = new Map<ContentCoding, Promise<Buffer>>();
}
