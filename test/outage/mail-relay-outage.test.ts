import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { MailLedger } from '@qn/mail';
import { eventually } from '@qn/testing';
import { configFor, drained, ping, report, startServers, stopAll, tally, type Servers } from './harness';

/**
 * The mail relay first refuses every recipient with 421 for 3 s, later is unreachable for 3 s:
 * the mailer retries with backoff (smoke.ping: 8 attempts, 1 s doubling) and every mail is
 * delivered once afterwards. Requests are never affected: sending is the worker's business.
 */
const OUTAGE_MS = 3_000;
let refusing = false;
let refusals = 0;
let s: Servers;
let aio: AllInOne;

beforeAll(async () => {
  s = await startServers('relay', {
    rejectWith: () => (refusing ? (refusals++, 421) : null),
  });
  aio = await startAllInOne(configFor(s, 'relayout'));
}, 60_000);
afterAll(() => stopAll(aio, s));

async function sendBatch(label: string, from: number, n: number): Promise<string[]> {
  const res = await Promise.all(Array.from({ length: n }, (_, k) => ping(aio, label, from + k)));
  expect(res.every((r) => r.status === 202)).toBe(true);
  return res.map((r) => r.to);
}

it('retries through 421 refusals and an unreachable relay, then delivers every mail once', async () => {
  const accepted: string[] = [];

  // 421 on every RCPT for OUTAGE_MS.
  refusing = true;
  accepted.push(...(await sendBatch('m421', 0, 20)));
  await eventually('relay refused some', async () => refusals > 0);
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  refusing = false;
  await eventually('mailed after 421s', async () => tally(accepted, s.mailbox.messages()).lost === 0, 60_000);

  // Relay gone for OUTAGE_MS.
  await s.mailbox.stop();
  accepted.push(...(await sendBatch('mdown', 0, 20)));
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  await s.mailbox.start();
  await eventually(
    'mailed after the relay came back',
    async () => tally(accepted, s.mailbox.messages()).lost === 0,
    60_000,
  );

  await eventually('queue drained', () => drained(aio), 60_000);
  const t = tally(accepted, s.mailbox.messages());
  report('mail relay', {
    'outage ms': OUTAGE_MS,
    accepted: accepted.length,
    '421 answers': refusals,
    lost: t.lost,
    duplicated: t.duplicated,
  });
  expect(refusals).toBeGreaterThan(0);
  expect(t).toEqual({ lost: 0, duplicated: 0 });
  expect(await MailLedger.countDocuments({ status: 'sent' })).toBe(accepted.length);
  expect(await MailLedger.countDocuments()).toBe(accepted.length);
}, 120_000);
