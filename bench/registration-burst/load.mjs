import http from 'node:http';

/**
 * Fires `count` POSTs at once (every one in flight before the first answer) and records each
 * one's latency. Bounded: it sends exactly `count` requests and stops.
 */
export async function burst(url, count, bodyOf) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const target = new URL(url);
  const latencies = new Array(count);
  const statuses = new Map();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const body = JSON.stringify(bodyOf(i));
      const t0 = performance.now();
      return new Promise((resolve) => {
        const req = http.request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
              latencies[i] = performance.now() - t0;
              let key = String(res.statusCode);
              try {
                const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                if (parsed.registration?.status) key += ` ${parsed.registration.status}`;
              } catch {
                /* not JSON: the status code alone */
              }
              statuses.set(key, (statuses.get(key) ?? 0) + 1);
              resolve();
            });
          },
        );
        req.on('error', (err) => {
          latencies[i] = performance.now() - t0;
          statuses.set(`error ${err.code}`, (statuses.get(`error ${err.code}`) ?? 0) + 1);
          resolve();
        });
        req.end(body);
      });
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  const sorted = latencies.slice().sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return {
    rps: count / (wallMs / 1000),
    p50: pct(50),
    p99: pct(99),
    wallMs,
    statuses: Object.fromEntries(statuses),
  };
}
