import { addressHash } from '@qn/mail';
import { listBounces, newsletterContext, recordBounces } from '@qn/newsletter';
import { eventually } from '@qn/testing';
import { startStack, type Stack } from './support';

/** The bounce list's counts hold when reports for one address arrive at once (FerretDB's $inc does not). */
let s: Stack;
beforeAll(async () => {
  s = await startStack('nlbouncelist');
  // The request-side connection has no offline queue: wait until it is connected.
  await eventually('redis ready', () => s.aio.rt.redis.status, { until: (st) => st === 'ready' });
});
afterAll(() => s.stop());

it('counts 30 concurrent reports for one address exactly, keeping only the status code', async () => {
  const nl = newsletterContext(s.config, s.aio.rt.redis, s.aio.rt.producer);
  const email = `viele-${s.db}@example.org`;
  await Promise.all(
    Array.from({ length: 30 }, (_v, i) =>
      recordBounces(nl, [
        { email, type: i % 3 === 0 ? 'hard' : 'soft', reason: `452 4.2.2 <${email}> over quota` },
      ]),
    ),
  );
  const hash = addressHash(email, s.config.SECRET_KEY);
  const all = await listBounces({ page: 1 });
  const row = all.rows.find((r) => r.addressHash === hash)!;
  expect({ hard: row.hard, soft: row.soft, lastStatus: row.lastStatus }).toEqual({
    hard: 10,
    soft: 20,
    lastStatus: '4.2.2',
  });
  expect((await listBounces({ kind: 'hard', page: 1 })).total).toBe(1);
  expect((await listBounces({ kind: 'soft', page: 99 })).page).toBe(1);
});
