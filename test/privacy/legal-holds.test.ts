import mongoose from 'mongoose';
import { ConfigError } from '@qn/config';
import { connectDb, closeDb } from '@qn/db';
import { Account } from '@qn/auth';
import { MailLedger } from '@qn/mail';
import { eraseByAdmin, legalHoldsOf } from '@qn/privacy';
import { createPrivacyRouter } from '@qn/service-privacy';
import { testConfig, uniqueName } from '@qn/testing';
import type { Producer } from '@qn/queue';

/** What the office must keep by law is configured, kept by erasure, and named in its answer. */
const db = uniqueName('privh');
const reason = 'Nachweis der Zuwendung gegenüber dem Fördergeber, § 44 LHO BW: 5 Jahre';
const config = testConfig(db, { PRIVACY_LEGAL_HOLDS: JSON.stringify([{ holder: 'mail.ledger', reason }]) });

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

describe('legal holds', () => {
  it('keeps the held records, erases the rest, and lists the hold with its reason', async () => {
    const email = `held-${db}@example.org`;
    await Account.create({ email, name: 'Hanna Halten', role: 'organiser' });
    await MailLedger.create({ _id: `k:${db}`, kind: 'k', status: 'sent', claimedBy: 'x', recipient: email });
    const result = await eraseByAdmin({ email, actorAccountId: 'test' }, { config });
    expect(result.keptByLaw).toEqual([
      { holder: 'mail.ledger', reason, category: expect.objectContaining({ de: expect.any(String) }) },
    ]);
    expect(result.erased.map((e) => e.holder)).not.toContain('mail.ledger');
    expect(await MailLedger.exists({ recipient: email })).not.toBeNull();
    expect(await Account.exists({ email })).toBeNull();
  });

  it('is empty by default', () => {
    expect(legalHoldsOf(testConfig(db))).toEqual([]);
  });

  it('refuses to start with a hold naming no holder, or with a malformed list', () => {
    const wrong = testConfig(db, { PRIVACY_LEGAL_HOLDS: '[{"holder":"nope.nothing","reason":"weil"}]' });
    expect(() => createPrivacyRouter({ config: wrong, producer: {} as Producer })).toThrow(/nope\.nothing/);
    expect(() => testConfig(db, { PRIVACY_LEGAL_HOLDS: '{not json' })).toThrow(ConfigError);
    expect(() => testConfig(db, { PRIVACY_LEGAL_HOLDS: '[{"holder":"mail.ledger"}]' })).toThrow(
      /PRIVACY_LEGAL_HOLDS/,
    );
  });
});
