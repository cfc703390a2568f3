import mongoose from 'mongoose';
import { waitForMail } from '@qn/testing';
import { signLinkToken } from '@qn/newsletter';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  startStack,
  waitSent,
  type Stack,
} from './support';

/**
 * Link click counting, opt-in per campaign and off by default: links untouched unless asked;
 * when on, both parts' links go through the counting redirect, which counts per link (no
 * address anywhere), redirects only to the campaign's own links, refuses forged tokens, and
 * counts concurrent clicks exactly (one insert per click, FerretDB has no atomic update).
 */
let s: Stack;
let listId: string;
const addr = (label: string) => `${label}-${s.db}@example.org`;
const PROGRAMME = 'https://example.org/programm?a=1&b=2';
const FUNDING = 'https://example.org/foerderung';
const body = [
  `Siehe [das Programm](${PROGRAMME}) und ${FUNDING} sowie [unser Postfach](mailto:info@example.org).`,
  '',
  `Noch einmal [das Programm](${PROGRAMME}).`,
].join('\n');

const hrefsOf = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const clickLinksOf = (s: string) => [
  ...new Set(s.match(/https?:\/\/[^\s"<>)]+\/api\/newsletter\/c\/[^\s"<>)]+/g) ?? []),
];
const clicksOf = async (id: string) =>
  (await s.http.get(`/api/newsletter/campaigns/${id}/progress`).set(admin)).body.clicks as
    { link: number; url: string; clicks: number }[] | null;

async function sendAndReadMail(subject: string, countClicks?: boolean) {
  const id = await createCampaign(s, {
    subject,
    bodyMarkdown: body,
    audience: { listIds: [listId] },
    ...(countClicks === undefined ? {} : { countClicks }),
  });
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
  await waitSent(s, id);
  const [m] = await waitForMail({ to: addr('anna'), subject });
  return { id, html: String(m!.html), text: String(m!.text) };
}

beforeAll(async () => {
  s = await startStack('nlclick', { NEWSLETTER_RATE: '0' });
  listId = await createList(s, 'Klicks');
  await importConsented(s, listId, [{ email: addr('anna'), name: 'Anna' }, { email: addr('ben') }]);
});
afterAll(() => s.stop());

describe('click counting off (the default)', () => {
  it('leaves every link as written and has no click figures', async () => {
    const { id, html, text } = await sendAndReadMail(`Ohne Zählung ${s.db}`);
    expect((await s.http.get(`/api/newsletter/campaigns/${id}`).set(admin)).body.countClicks).toBe(false);
    expect(hrefsOf(html)).toEqual(expect.arrayContaining([PROGRAMME, FUNDING, 'mailto:info@example.org']));
    expect(text).toContain(PROGRAMME);
    expect(text).toContain(FUNDING);
    expect(html + text).not.toContain('/api/newsletter/c/');
    expect(await clicksOf(id)).toBeNull();
  });
});

describe('click counting on', () => {
  let id: string;
  let html: string;
  let text: string;

  beforeAll(async () => {
    ({ id, html, text } = await sendAndReadMail(`Mit Zählung ${s.db}`, true));
  });

  it('rewrites the http(s) links of both parts, the same link to the same redirect, and nothing else', () => {
    const hrefs = hrefsOf(html);
    expect(hrefs).not.toContain(PROGRAMME);
    expect(hrefs).not.toContain(FUNDING);
    expect(hrefs).toContain('mailto:info@example.org');
    // The unsubscribe link and the footer's links stay direct.
    expect(hrefs.some((h) => h.includes('/newsletter/abmelden/u.'))).toBe(true);
    expect(hrefs.some((h) => h.endsWith('/datenschutz'))).toBe(true);
    const inHtml = clickLinksOf(html);
    expect(inHtml).toHaveLength(2);
    expect(clickLinksOf(text).sort()).toEqual(inHtml.slice().sort());
    expect(text).not.toContain(PROGRAMME);
    expect(text).not.toContain(FUNDING);
    // No address in the token: it names the campaign and the link only.
    for (const link of inHtml) expect(link).not.toMatch(/anna|[0-9a-f]{64}/i);
  });

  it('counts a click per link and redirects to the link of the campaign', async () => {
    const [first, second] = clickLinksOf(html).map((u) => new URL(u).pathname);
    const res = await s.http.get(first!);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(PROGRAMME);
    const other = await s.http.get(`${second!}?url=https://evil.example/`);
    expect(other.status).toBe(302);
    expect(other.headers.location).toBe(FUNDING);
    expect(await clicksOf(id)).toEqual([
      { link: 0, url: PROGRAMME, clicks: 1 },
      { link: 1, url: FUNDING, clicks: 1 },
    ]);
    // Nothing about the person is stored with a click.
    const docs = await mongoose.connection.collection('newsletter_clicks').find({ campaignId: id }).toArray();
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(Object.keys(d).sort()).toEqual(['_id', 'campaignId', 'link']);
  });

  it('answers 404 to forged, foreign and out-of-range tokens, and counts nothing', async () => {
    const path = new URL(clickLinksOf(html)[0]!).pathname;
    const token = path.split('/').pop()!;
    const forged = [
      token.replace(/\.0\./, '.1.'),
      token.replace(id, 'AAAAAAAAAAAA'),
      signLinkToken({ kind: 'k', campaignId: id, link: 0 }, 'another-secret-that-is-long-enough-0123456789'),
      // Correctly signed, yet no link of the campaign: the redirect never goes elsewhere.
      signLinkToken({ kind: 'k', campaignId: id, link: 2 }, s.config.SECRET_KEY),
      signLinkToken({ kind: 'k', campaignId: 'nocampaign01', link: 0 }, s.config.SECRET_KEY),
      signLinkToken({ kind: 'u', listId, addressHash: 'ab'.repeat(32) }, s.config.SECRET_KEY),
      'k.x.0.junk',
    ];
    for (const t of forged) {
      const res = await s.http.get(`/api/newsletter/c/${encodeURIComponent(t)}`);
      expect([t, res.status, res.headers.location]).toEqual([t, 404, undefined]);
    }
    expect((await s.http.get(`/api/newsletter/c/${'x'.repeat(500)}`)).status).toBe(400);
    expect((await clicksOf(id))!.map((c) => c.clicks)).toEqual([1, 1]);
  });

  it('counts concurrent clicks exactly', async () => {
    const path = new URL(clickLinksOf(text)[1]!).pathname;
    const results = await Promise.all(Array.from({ length: 40 }, () => s.http.get(path)));
    expect(results.every((r) => r.status === 302 && r.headers.location === FUNDING)).toBe(true);
    expect(await clicksOf(id)).toEqual([
      { link: 0, url: PROGRAMME, clicks: 1 },
      { link: 1, url: FUNDING, clicks: 41 },
    ]);
  });
});

describe('the setting', () => {
  it('is switched on a draft, refused when not a boolean, and preview and test send keep real links', async () => {
    const id = await createCampaign(s, {
      subject: `Entwurf ${s.db}`,
      bodyMarkdown: body,
      audience: { listIds: [listId] },
    });
    const on = await s.http.patch(`/api/newsletter/campaigns/${id}`).set(admin).send({ countClicks: true });
    expect(on.status).toBe(200);
    expect(on.body.countClicks).toBe(true);
    for (const bad of ['yes', 1, { $gt: '' }, null]) {
      const res = await s.http.patch(`/api/newsletter/campaigns/${id}`).set(admin).send({ countClicks: bad });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body)).toContain('countClicks');
    }
    const created = await s.http
      .post('/api/newsletter/campaigns')
      .set(admin)
      .send({
        name: 'x',
        subject: 'x',
        bodyMarkdown: 'x',
        audience: { listIds: [listId] },
        countClicks: 'on',
      });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain('countClicks');
    expect((await s.http.get(`/api/newsletter/campaigns/${id}`).set(admin)).body.countClicks).toBe(true);
    const preview = await s.http.get(`/api/newsletter/campaigns/${id}/preview`).set(admin);
    expect(hrefsOf(preview.body.html)).toContain(PROGRAMME);
    expect(preview.body.html + preview.body.text).not.toContain('/api/newsletter/c/');
    const tester = addr('tester');
    expect(
      (
        await s.http
          .post(`/api/newsletter/campaigns/${id}/test`)
          .set(admin)
          .send({ to: [tester] })
      ).status,
    ).toBe(202);
    const [m] = await waitForMail({ to: tester, subject: `[TEST] Entwurf ${s.db}` });
    expect(hrefsOf(String(m!.html))).toContain(PROGRAMME);
    expect(String(m!.text)).not.toContain('/api/newsletter/c/');
  });
});
