import { Subscriber, newsletterContext, unsubscribeLink } from '@qn/newsletter';
import { signLinkToken } from '../../packages/newsletter/src/link-tokens';
import { admin, startStack, type Stack } from './support';

/**
 * Rectification (DSGVO Art. 16) behind the personal link of every newsletter (the unsubscribe
 * token), on the real FerretDB and Redis: the subscriber reads and corrects name and
 * attributes; the admin export shows the correction; bad input changes nothing.
 */
let s: Stack;
let listId: string;

beforeAll(async () => {
  s = await startStack('nlrect', { RATE_LIMIT_PER_IP: '1000' });
  const list = await s.http.post('/api/newsletter/lists').set(admin).send({ name: 'Quartiersbrief' });
  expect(list.status).toBe(201);
  listId = list.body.id;
});
afterAll(async () => {
  await s?.stop();
});

async function subscriber(email: string, extra: Record<string, unknown> = {}) {
  const res = await s.http
    .post(`/api/newsletter/lists/${listId}/subscribers`)
    .set(admin)
    .send({ email, consent: { at: new Date().toISOString() }, ...extra });
  expect(res.status).toBe(201);
  const doc = await Subscriber.findOne({ listId, email }).lean();
  const ctx = newsletterContext(s.config, s.aio.rt.redis, s.aio.rt.producer);
  const path = new URL(unsubscribeLink(ctx, { listId, addressHash: doc!.addressHash }).oneClickUrl).pathname;
  return { id: doc!._id, details: `${path}/details` };
}

const stored = (id: string) => Subscriber.findById(id).lean();

describe('newsletter: correct one’s own details through the personal link', () => {
  it('shows the details without changing them, corrects name and attributes, and the export shows it', async () => {
    const sub = await subscriber('rect-a@example.org', {
      name: 'Anna Alt',
      attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['wohnen'] },
    });
    const before = await stored(sub.id);
    const shown = await s.http.get(sub.details);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      listName: 'Quartiersbrief',
      email: 'rect-a@example.org',
      name: 'Anna Alt',
      status: 'confirmed',
      attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['wohnen'] },
    });
    expect(await stored(sub.id)).toEqual(before);

    // The page behind the link in every newsletter leads to the details page of the web front end.
    const token = sub.details.split('/')[4]!;
    const unsubscribePage = await s.http.get(`/api/newsletter/u/${token}`);
    expect(unsubscribePage.text).toContain(`href="/newsletter/angaben/${token}"`);
    const webPage = await s.http.get(`/newsletter/angaben/${token}`);
    expect(webPage.status).toBe(200);
    expect(webPage.text).toContain('Anna Alt');

    const res = await s.http.patch(sub.details).send({
      name: ' Anna Neu ',
      municipality: 'koengen',
      actorType: null,
      fieldsOfAction: ['teilhabe', 'mobilitaet'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Anna Neu',
      attributes: { municipality: 'koengen', fieldsOfAction: ['teilhabe', 'mobilitaet'] },
    });
    expect(res.body.attributes.actorType).toBeUndefined();
    const after = await stored(sub.id);
    expect(after).toMatchObject({ name: 'Anna Neu', status: 'confirmed', email: 'rect-a@example.org' });
    expect(after!.attributes).toMatchObject({
      municipality: 'koengen',
      fieldsOfAction: ['teilhabe', 'mobilitaet'],
    });
    expect(after!.attributes.actorType).toBeUndefined();
    expect(after!.consent).toEqual(before!.consent);

    const csv = await s.http.get(`/api/newsletter/lists/${listId}/export`).set(admin);
    expect(csv.text).toContain('Anna Neu');
    expect(csv.text).not.toContain('Anna Alt');

    // null deletes the name. Once unsubscribed, the link shows and changes nothing any more
    // (an old mail in someone else's hands); the unsubscribe link itself still answers.
    expect((await s.http.patch(sub.details).send({ name: 'Anna Ende' })).status).toBe(200);
    expect((await s.http.post(`/api/newsletter/subscribers/${sub.id}/unsubscribe`).set(admin)).status).toBe(
      200,
    );
    const gone = await s.http.get(sub.details);
    expect(gone.status).toBe(410);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(gone.body)).not.toContain('Anna');
    expect((await s.http.patch(sub.details).send({ name: 'Jemand Anders' })).status).toBe(410);
    const page = await s.http.get(`/newsletter/angaben/${token}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('Dieser Link zeigt keine Angaben mehr');
    expect(page.text).not.toContain('rect-a@example.org');
    expect(page.text).not.toContain('Anna Ende');
    expect((await s.http.post(`/newsletter/angaben/${token}`).type('form').send({ name: 'X' })).status).toBe(
      403,
    );
    expect(await stored(sub.id)).toMatchObject({ name: 'Anna Ende', status: 'unsubscribed' });
    expect((await s.http.get(`/api/newsletter/u/${token}`)).status).toBe(200);
  });

  it('rejects bad input with 400 naming each field, and changes nothing', async () => {
    const sub = await subscriber('rect-b@example.org', { name: 'Bea Bauer' });
    const before = await stored(sub.id);
    const cases: [unknown, string[]][] = [
      [{ email: 'neu@example.org', status: 'confirmed', name: 'B' }, ['email', 'status']],
      [{ name: { $gt: '' } }, ['name']],
      [{ municipality: { $ne: null } }, ['municipality']],
      [{ name: 'x'.repeat(201) }, ['name']],
      [{ name: '' }, ['name']],
      [{ municipality: 'atlantis' }, ['municipality']],
      [{ actorType: 'konzern' }, ['actorType']],
      [{ fieldsOfAction: ['wohnen', 'raumfahrt'] }, ['fieldsOfAction.1']],
      [{ fieldsOfAction: 'wohnen' }, ['fieldsOfAction']],
      [{ attributes: { municipality: 'koengen' } }, ['attributes']],
      [{}, ['body']],
    ];
    for (const [body, fields] of cases) {
      const res = await s.http.patch(sub.details).send(body as object);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const named = (res.body.errors as { field: string }[]).map((e) => e.field);
      for (const f of fields) expect(named).toContain(f);
    }
    expect(await stored(sub.id)).toEqual(before);
  });

  it('answers 404 for forged, test-send and erased links', async () => {
    const sub = await subscriber('rect-c@example.org', { name: 'Carl Crone' });
    const forged = sub.details.replace(/\.([A-Za-z0-9_-]{22})\/details$/, '.AAAAAAAAAAAAAAAAAAAAAA/details');
    expect(forged).not.toBe(sub.details);
    for (const path of [forged, '/api/newsletter/u/kaputt/details']) {
      const get = await s.http.get(path);
      expect(get.status).toBe(404);
      expect(get.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await s.http.patch(path).send({ name: 'X' })).status).toBe(404);
    }
    const doc = await stored(sub.id);
    const test = signLinkToken(
      { kind: 't', campaignId: 'c1', addressHash: doc!.addressHash },
      s.config.SECRET_KEY,
    );
    expect((await s.http.patch(`/api/newsletter/u/${test}/details`).send({ name: 'X' })).status).toBe(404);
    expect(await stored(sub.id)).toEqual(doc);

    expect((await s.http.delete(`/api/newsletter/subscribers/${sub.id}`).set(admin)).status).toBe(204);
    expect((await s.http.get(sub.details)).status).toBe(404);
    expect((await s.http.patch(sub.details).send({ name: 'X' })).status).toBe(404);
    expect(await Subscriber.countDocuments({ _id: sub.id })).toBe(0);
  });

  it('never loses a concurrent unsubscribe, nor lets a correction in after it (both take the address lock)', async () => {
    const subs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => subscriber(`rect-d${i}@example.org`, { name: 'Dora' })),
    );
    const answers = await Promise.all(
      subs.flatMap((sub, i) => [
        s.http.post(`/api/newsletter/subscribers/${sub.id}/unsubscribe`).set(admin),
        s.http.patch(sub.details).send({ name: `Dora ${i}` }),
      ]),
    );
    // Whichever came first, the unsubscribe stands; a correction counts only when it was
    // answered 200 (before the unsubscribe), and one after it is refused with 410.
    for (const [i, sub] of subs.entries()) {
      const [unsubscribed, corrected] = [answers[2 * i]!, answers[2 * i + 1]!];
      expect(unsubscribed.status).toBe(200);
      expect([200, 410]).toContain(corrected.status);
      expect(await stored(sub.id)).toMatchObject({
        name: corrected.status === 200 ? `Dora ${i}` : 'Dora',
        status: 'unsubscribed',
      });
    }
  });
});
