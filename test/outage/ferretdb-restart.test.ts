import { startAllInOne, type AllInOne } from '@qn/all-in-one';
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
 * FerretDB stopped and started again (same port, same data) while pings keep coming: the
 * service and the mailer worker reconnect by themselves; requests either succeed or get 503
 * problem+json; every accepted ping is mailed once and no delivery record is left half-written.
 * Outage: 2 s plus FerretDB's start-up.
 */
const OUTAGE_MS = 2_000;
let s: Servers;
let aio: AllInOne;

beforeAll(async () => {
  s = await startServers('ferret');
  aio = await startAllInOne(configFor(s, 'ferretout'));
}, 60_000);
afterAll(() => stopAll(aio, s), 60_000);

// Generous limits for slow shared machines; the test itself never sleeps longer than the outage.
it('reconnects by itself after a FerretDB restart under load; nothing lost, nothing twice', async () => {
  const results: PingResult[] = [];
  let i = 0;
  let running = true;
  // Load: three clients sending pings back to back for the whole test.
  const clients = Array.from({ length: 3 }, async () => {
    while (running) results.push(await ping(aio, 'f', i++));
  });
  try {
    await runOutage();
  } finally {
    running = false;
    await Promise.all(clients);
  }

  async function runOutage() {
    await eventually('some pings accepted', async () => results.filter((r) => r.status === 202).length >= 20);
    await s.ferret.stop();
    const downAt = results.length;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await s.ferret.start();
    await eventually(
      'writes accepted again',
      async () => {
        if (results.slice(downAt).some((r) => r.status === 202)) return true;
        const last = results.at(-1);
        throw new Error(`last answer ${last?.status} ${last?.detail ?? ''}`);
      },
      60_000,
    );
    const upAt = results.length;
    await eventually('load after restart', async () => results.length >= upAt + 20, 60_000);
  }

  const unexpected = results.filter((r) => !(r.status === 202 || (r.status === 503 && r.problem)));
  expect(unexpected.map((r) => `${r.status} ${r.detail ?? ''}`)).toEqual([]);
  const accepted = results.filter((r) => r.status === 202).map((r) => r.to);
  await eventually(
    'every accepted ping mailed',
    async () => tally(accepted, s.mailbox.messages()).lost === 0,
    60_000,
  );
  await eventually('queue drained', () => drained(aio), 60_000);
  const t = tally(accepted, s.mailbox.messages());
  report('ferretdb', {
    'outage ms': OUTAGE_MS,
    accepted: accepted.length,
    'rejected 503': results.filter((r) => r.status === 503).length,
    lost: t.lost,
    duplicated: t.duplicated,
  });
  expect(t).toEqual({ lost: 0, duplicated: 0 });
  expect(await MailLedger.countDocuments({ status: 'sending' })).toBe(0);
  expect(await MailLedger.countDocuments({ status: 'sent' })).toBe(accepted.length);
  // Readiness agrees once everything is back.
  const ready = await fetch(`${aio.url}/readyz`);
  expect(ready.status).toBe(200);
}, 180_000);
