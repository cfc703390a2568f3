import type { AllInOne } from '@qn/all-in-one';
import { startAllInOne } from '@qn/all-in-one';
import { MailLedger } from '@qn/mail';
import { eventually } from '@qn/testing';
import {
  configFor,
  drained,
  ping,
  report,
  startServers,
  stopAll,
  tally,
  type PingResult,
  type Servers,
} from './harness';

/**
 * Redis killed (SIGKILL; AOF with fsync per write) in the middle of a burst of smoke pings:
 * requests during the outage get 503 problem+json, every accepted ping's mail is delivered
 * exactly once after Redis is back. Outage: 3 s.
 */
const OUTAGE_MS = 3_000;
let s: Servers;
let aio: AllInOne;

beforeAll(async () => {
  s = await startServers('redis');
  aio = await startAllInOne(configFor(s, 'redisout'));
}, 60_000);
afterAll(() => stopAll(aio, s));

it('answers 503 during a Redis outage, loses nothing accepted and mails each once', async () => {
  const results: PingResult[] = [];
  let i = 0;
  const burst = async (until: () => boolean) => {
    while (!until()) {
      // Five at a time: a burst, not a trickle.
      results.push(...(await Promise.all(Array.from({ length: 5 }, () => ping(aio, 'r', i++)))));
    }
  };
  await burst(() => results.length >= 30);
  await s.redis.stop('SIGKILL');
  const downSince = Date.now();
  await burst(() => Date.now() - downSince >= OUTAGE_MS);
  const duringOutage = results.slice(30);
  await s.redis.start();
  const upAgainAt = results.length;
  // Back: the producer reconnects by itself; keep sending until requests are accepted again.
  await eventually(
    'writes accepted again',
    async () => {
      const r = await ping(aio, 'r', i++);
      results.push(r);
      return r.status === 202;
    },
    15_000,
  );
  await burst(() => results.length >= upAgainAt + 30);

  const statuses = new Set(results.map((r) => r.status));
  expect([...statuses].every((st) => st === 202 || st === 503)).toBe(true);
  expect(duringOutage.filter((r) => r.status === 503).length).toBeGreaterThan(0);
  expect(results.filter((r) => r.status === 503).every((r) => r.problem)).toBe(true);

  const accepted = results.filter((r) => r.status === 202).map((r) => r.to);

  await eventually(
    'every accepted ping mailed',
    async () => tally(accepted, s.mailbox.messages()).lost === 0,
    60_000,
  );
  await eventually('queue drained', () => drained(aio), 60_000);
  const t = tally(accepted, s.mailbox.messages());
  report('redis', {
    'outage ms': OUTAGE_MS,
    accepted: accepted.length,
    'rejected 503': results.filter((r) => r.status === 503).length,
    lost: t.lost,
    duplicated: t.duplicated,
  });
  expect(t).toEqual({ lost: 0, duplicated: 0 });
  // No half-written delivery record: every ledger row is 'sent', one per accepted ping.
  expect(await MailLedger.countDocuments({ status: 'sent' })).toBe(accepted.length);
  expect(await MailLedger.countDocuments()).toBe(accepted.length);
}, 120_000);
