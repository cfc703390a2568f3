import mongoose from 'mongoose';
import { closeDb } from '@qn/db';
import { PersonalFeed, PersonalFeedTokenKey, hashFeedToken } from '@qn/calendar';
import { personalDataHolders } from '@qn/privacy';
import { addressHash } from '@qn/mail';
import { deleteQueueKeys, notById, queriesDuring, testConfig, uniqueName } from '@qn/testing';
import { event, organisation, registration } from './fixtures';
import { rawRequest, startCalendar, type CalendarHarness } from './harness';

/**
 * A calendar app's fetch of a personal feed finds the feed by `_id` reads alone (a token
 * pointer, then the record): FerretDB 1.x reads the whole collection for a filter on
 * `tokenHash`, one record per person with a feed. Checked by the filters the driver is asked to
 * run, never by timing.
 */
const config = testConfig(uniqueName('calfeedid'));
const FEED_COLLECTIONS = ['calendar_personal_feeds', 'calendar_personal_feed_token_keys'];
let h: CalendarHarness;
let eventId: string;

beforeAll(async () => {
  // personalMaxAgeMs 0: every fetch looks the token up again instead of answering from the cache.
  h = await startCalendar(config, { personalMaxAgeMs: 0 });
  await organisation('stadt-nuertingen', 'Stadt Nürtingen – Seniorenbüro');
  eventId = String((await event({ title: 'Schulung Digitalisierung', kind: 'schulung' }))._id);
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await h.close();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

async function post(path: string, body: unknown): Promise<{ status: number; token?: string }> {
  const res = await fetch(`${h.url}/feeds${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, token: text ? (JSON.parse(text) as { token?: string }).token : undefined };
}

/** The feed's status and the filters its lookup sent to the feed collections. */
async function fetchFeed(token: string) {
  const { result, queries } = await queriesDuring(() => rawRequest(`${h.url}/feeds/personal/${token}.ics`));
  return { status: result.status, queries: queries.filter((q) => FEED_COLLECTIONS.includes(q.collection)) };
}

describe('personal feed lookups by _id', () => {
  it('a fetch, a rotated-away token and a revoked one are answered by _id reads only', async () => {
    const r = await registration(config.SECRET_KEY, eventId, 'dora@example.org', 'confirmed');
    const first = (await post('/personal', { manageToken: r.manageToken })).token!;
    expect(await PersonalFeedTokenKey.findById(hashFeedToken(first)).lean()).not.toBeNull();

    const seen = await fetchFeed(first);
    expect(seen.status).toBe(200);
    expect(seen.queries.length).toBeGreaterThan(0);
    expect(notById(seen.queries)).toEqual([]);

    const rotated = (await post('/personal/rotate', { manageToken: r.manageToken })).token!;
    expect(rotated).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.status).toBe(404);
    expect(notById(old.queries)).toEqual([]);
    const now = await fetchFeed(rotated);
    expect(now.status).toBe(200);
    expect(notById(now.queries)).toEqual([]);

    expect((await post('/personal/revoke', { manageToken: r.manageToken })).status).toBe(204);
    const revoked = await fetchFeed(rotated);
    expect(revoked.status).toBe(404);
    expect(notById(revoked.queries)).toEqual([]);
  });

  it('a feed issued before the pointers opens by one scan, which writes its pointer', async () => {
    const r = await registration(config.SECRET_KEY, eventId, 'emil@example.org', 'confirmed');
    const token = (await post('/personal', { manageToken: r.manageToken })).token!;
    await PersonalFeedTokenKey.deleteOne({ _id: hashFeedToken(token) });

    const before = await fetchFeed(token);
    expect(before.status).toBe(200);
    expect(notById(before.queries).map((q) => q.collection)).toEqual(['calendar_personal_feeds']);
    expect(await PersonalFeedTokenKey.findById(hashFeedToken(token)).lean()).not.toBeNull();
    const after = await fetchFeed(token);
    expect(after.status).toBe(200);
    expect(notById(after.queries)).toEqual([]);
  });

  it('erasure removes the feed with every pointer of its tokens', async () => {
    const email = 'frieda@example.org';
    const r = await registration(config.SECRET_KEY, eventId, email, 'confirmed');
    const first = (await post('/personal', { manageToken: r.manageToken })).token!;
    const second = (await post('/personal/rotate', { manageToken: r.manageToken })).token!;
    const feed = await PersonalFeed.findOne({ email }).lean();
    expect(await PersonalFeedTokenKey.countDocuments({ feedId: feed!._id })).toBe(2);

    const holder = personalDataHolders.find((x) => x.key === 'calendar.personal-feeds')!;
    await holder.erase({
      email,
      tokens: [],
      addressHash: addressHash(email, config.SECRET_KEY),
      config,
      linked: new Map(),
    });
    expect(await PersonalFeed.countDocuments({ email })).toBe(0);
    expect(await PersonalFeedTokenKey.countDocuments({ feedId: feed!._id })).toBe(0);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(404);
  });
});
