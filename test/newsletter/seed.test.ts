import { seedNewsletter, DEMO_NEWSLETTER_LIST_ID } from '@qn/seed';
import { Campaign, Subscriber } from '@qn/newsletter';
import { admin, startStack, type Stack } from './support';

/** The demo newsletter data loads with SEED_DEMO, is idempotent and usable as it is. */
let s: Stack;
beforeAll(async () => {
  s = await startStack('nlseed', { SEED_DEMO: 'true', NEWSLETTER_RATE: '0' });
});
afterAll(() => s.stop());

it('seeds a list with confirmed demo subscribers and a draft that previews, twice without change', async () => {
  await seedNewsletter({ secretKey: s.config.SECRET_KEY });
  const subs = await Subscriber.find({ listId: DEMO_NEWSLETTER_LIST_ID }).lean();
  expect(subs).toHaveLength(4);
  expect(subs.every((x) => x.status === 'confirmed' && x.email.endsWith('@example.org'))).toBe(true);
  expect(await Campaign.findById('demo-ausgabe-1').lean()).toMatchObject({ status: 'draft' });
  const pv = await s.http.get('/api/newsletter/campaigns/demo-ausgabe-1/preview').set(admin);
  expect(pv.status).toBe(200);
  expect(pv.body.html).toContain('Neues aus den Quartieren');
  const count = await s.http
    .post('/api/newsletter/audience/count')
    .set(admin)
    .send({
      listIds: [DEMO_NEWSLETTER_LIST_ID],
      segmentId: 'demo-wohnen-pflege',
    });
  expect(count.body).toEqual({ count: 3 });
});
