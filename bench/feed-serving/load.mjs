import http from 'node:http';

/**
 * A small closed-loop load generator: `concurrency` keep-alive connections, each sending the
 * next request when the previous answer is fully read, for `durationMs`. Bounded in time and
 * count; loopback only.
 */
export async function load({
  url,
  headers = {},
  concurrency = 16,
  durationMs = 4000,
  maxRequests = 2_000_000,
  expectStatus,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + durationMs;
  const one = () =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.get(url, { agent, headers }, (res) => {
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => {
          if (expectStatus && res.statusCode !== expectStatus) errors++;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < deadline && sent < maxRequests) {
      sent++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    mbPerSec: bytes / seconds / 1e6,
  };
}
