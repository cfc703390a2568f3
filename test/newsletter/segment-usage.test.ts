import { addressHash, suppressAddress } from '@qn/mail';
import {
  countSegmentAudience,
  createCampaign,
  createList,
  createSegment,
  deleteUnusedSegment,
  newsletterContext,
  Segment,
  Subscriber,
  subscriberIdOf,
} from '@qn/newsletter';
import { eventually } from '@qn/testing';
import { startStack, type Stack } from './support';

/** A segment's count as the fan-out would reach it, and no deleting a segment a campaign still needs. */
let s: Stack;
beforeAll(async () => {
  s = await startStack('nlsegusage');
  await eventually('redis ready', () => s.aio.rt.redis.status, { until: (st) => st === 'ready' });
});
afterAll(() => s.stop());

it('counts distinct confirmed, unsuppressed matches and refuses to delete a segment in use', async () => {
  const nl = newsletterContext(s.config, s.aio.rt.redis, s.aio.rt.producer);
  const list = await createList({ name: 'Segmentliste' });
  const add = async (email: string, actorType: string, status: 'confirmed' | 'pending') => {
    const hash = addressHash(email, s.config.SECRET_KEY);
    await Subscriber.create({
      _id: subscriberIdOf(list._id, hash),
      listId: list._id,
      email,
      addressHash: hash,
      lang: 'de',
      status,
      consent: { at: new Date(), method: 'admin', textVersion: 'v1' },
      attributes: { actorType, fieldsOfAction: [] },
    });
  };
  await add(`a-${s.db}@example.org`, 'verein', 'confirmed');
  await add(`b-${s.db}@example.org`, 'verein', 'confirmed');
  await add(`c-${s.db}@example.org`, 'verein', 'pending');
  await add(`d-${s.db}@example.org`, 'kommune', 'confirmed');
  await suppressAddress(`b-${s.db}@example.org`, 'manual', s.config.SECRET_KEY);
  expect(await countSegmentAudience(list._id, { actorTypes: ['verein'] })).toBe(1);
  expect(await countSegmentAudience(list._id, {})).toBe(2);

  const segment = await createSegment(list._id, { name: 'Vereine', filter: { actorTypes: ['verein'] } });
  const draft = await createCampaign(nl, {
    name: 'Entwurf für Vereine',
    subject: 'Hallo {{name}}',
    bodyMarkdown: 'Text',
    audience: { listIds: [list._id], segmentId: segment._id },
  });
  await expect(deleteUnusedSegment(segment._id)).rejects.toMatchObject({ code: 'conflict' });
  expect(await Segment.countDocuments({ _id: segment._id })).toBe(1);
  expect(draft.audience.segmentId).toBe(segment._id);
});
