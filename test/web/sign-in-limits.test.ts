import request from 'supertest';
import { listMail, waitForMail } from '@qn/testing';
import { ensureOrganiser, startWebStack, type WebStack } from './support/web-stack';

/**
 * Console sign-in requests are limited per address together with the client: a stranger who
 * sends an organiser's address five times from elsewhere uses up only their own allowance,
 * and malformed requests with the address count nothing.
 */
let stack: WebStack;
const organiser = 'limits-organiser@example.org';

beforeAll(async () => {
  stack = await startWebStack('signinlim', { RATE_LIMIT_PER_EMAIL: '3', TRUST_PROXY: 'loopback' });
  await ensureOrganiser(organiser, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen' });
});
afterAll(() => stack?.stop());

/** A browser at `ip`: its anonymous cookie and the CSRF token of the sign-in form. */
async function client(ip: string) {
  const agent = request.agent(stack.aio.server);
  const form = await agent.get('/anmelden').set('X-Forwarded-For', ip);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
  return (body: Record<string, string>) =>
    agent
      .post('/anmelden')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ _csrf: csrf, ...body });
}

it('a stranger cannot lock an organiser out, and malformed requests do not count', async () => {
  const stranger = await client('198.51.100.23');
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push((await stranger({ email: organiser })).status);
  expect(answers).toEqual([200, 200, 200, 429, 429]);

  const own = await client('192.0.2.44');
  // The organiser's own mistyped submissions (no address field, a broken one) count nothing.
  for (let i = 0; i < 4; i++) expect((await own({ email: `${organiser}@` })).status).toBe(400);
  expect((await own({ email: organiser })).status).toBe(200);
  await waitForMail({ to: organiser, subject: 'Anmeldelink' }, { count: 4 });
  expect(await listMail({ to: organiser, subject: 'Anmeldelink' })).toHaveLength(4);
});

it('answers a known and an unknown address alike, before looking either up', async () => {
  const ask = await client('192.0.2.77');
  const unknown = 'niemand-bekannt@example.org';
  const known = await ask({ email: organiser });
  const stranger = await ask({ email: unknown });
  expect(known.status).toBe(200);
  expect(stranger.status).toBe(known.status);
  const page = (text: string, email: string) => text.replace(email, '<email>');
  expect(page(stranger.text, unknown)).toBe(page(known.text, organiser));
  // The look-up runs after the answer; the mail still comes, to the known address only.
  await waitForMail({ to: organiser, subject: 'Anmeldelink' }, { count: 5 });
  expect(await listMail({ to: unknown })).toHaveLength(0);
});
