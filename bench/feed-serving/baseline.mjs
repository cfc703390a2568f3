import http from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * The baseline: plain node:http answering from prebuilt buffers with the service's own
 * response headers replayed, the least any server can do for the same bytes (identity or br
 * as asked, 304 when the ETag matches).
 */
export function createBaselineServer({ identityPath, brPath, headersPath }) {
  const identity = readFileSync(identityPath);
  const br = readFileSync(brPath);
  const headers = JSON.parse(readFileSync(headersPath, 'utf8'));
  const server = http.createServer((req, res) => {
    const wantsBr = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
    const h = wantsBr ? headers.br : headers.identity;
    if (req.headers['if-none-match'] === h.etag) {
      res.writeHead(304, headers.notModified);
      res.end();
      return;
    }
    res.writeHead(200, h);
    res.end(wantsBr ? br : identity);
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
