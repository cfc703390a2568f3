import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { ConsentTextArchive, currentConsentTexts } from '@qn/privacy';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';

/** Consent texts are versioned: every version ever shown stays readable, edits in place are flagged. */
const db = uniqueName('privc');
const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'error' });
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('consent texts', () => {
  it('lists the current version of every domain, each with its words', async () => {
    const res = await request(aio.server).get('/api/privacy/consent-texts');
    expect(res.status).toBe(200);
    const domains = res.body.consentTexts.map((c: { domain: string }) => c.domain);
    expect(domains).toEqual(expect.arrayContaining(currentConsentTexts.map((c) => c.domain)));
    for (const c of currentConsentTexts) {
      expect(res.body.consentTexts).toContainEqual(
        expect.objectContaining({ domain: c.domain, version: c.version, text: c.text, current: true }),
      );
    }
  });

  it('has English words for every domain, and the English pages show them', async () => {
    for (const c of currentConsentTexts) expect(c.text.en).toMatch(/^I /);
    const page = await request(aio.server).get('/foerderprogramme/benachrichtigungen?lang=en');
    expect(page.text).toContain(
      currentConsentTexts.find((c) => c.domain === 'funding')!.text.en!.slice(0, 60),
    );
    expect(page.text).not.toContain('Ich möchte vom Landratsamt');
  });

  it('keeps an older version after the code moved on, and flags words changed under an old version', async () => {
    const c = currentConsentTexts[0]!;
    await ConsentTextArchive.create({
      _id: `${c.domain}:1999-01-01`,
      domain: c.domain,
      version: '1999-01-01',
      text: { de: 'Alte Fassung.' },
      firstSeenAt: new Date('1999-01-01'),
    });
    await ConsentTextArchive.updateOne(
      { _id: `${c.domain}:${c.version}` },
      { $set: { text: { de: 'Ein anderer Wortlaut.' } } },
    );
    const res = await request(aio.server).get('/api/privacy/consent-texts');
    const mine = res.body.consentTexts.filter((x: { domain: string }) => x.domain === c.domain);
    expect(mine[0]).toMatchObject({ version: '1999-01-01', text: { de: 'Alte Fassung.' }, current: false });
    expect(mine).toContainEqual(
      expect.objectContaining({ version: c.version, current: true, changedWithoutNewVersion: true }),
    );
  });
});
