import http from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * The baseline: plain node:http answering from prebuilt buffers, the least any server can do
 * for the same bytes (identity or br as asked), with the same ETag check for 304.
 */
const identity = readFileSync(process.env.BENCH_IDENTITY);
const br = readFileSync(process.env.BENCH_BR);
const etag = process.env.BENCH_ETAG;
const etagBr = process.env.BENCH_ETAG_BR;

const server = http.createServer((req, res) => {
  const wantsBr = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
  const tag = wantsBr ? etagBr : etag;
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('ETag', tag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === tag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = wantsBr ? br : identity;
  if (wantsBr) res.setHeader('Content-Encoding', 'br');
  res.setHeader('Content-Length', body.length);
  res.end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => m === 'stop' && server.close(() => process.exit(0)));
