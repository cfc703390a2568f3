import mongoose from 'mongoose';
import { connectDb, closeDb } from '@qn/db';
import { eventually, testConfig, uniqueName } from '@qn/testing';
import { Account } from './models/account';
import { ApiToken } from './models/api-token';
import { ApiTokenUse } from './models/api-token-use';
import { authenticateToken, principalOf, type Principal } from './authenticate-token';
import { canManageOrganisation, canViewOrganisation } from './access-rules';
import { createApiToken } from './issue-api-token';
import { findApiToken, listAllApiTokens, listApiTokens } from './list-api-tokens';
import { revokeApiToken } from './revoke-api-token';
import { recordApiTokenUse, TOKEN_USE_INTERVAL_MS } from './record-api-token-use';
import { hashToken } from './token-hash';

/** Tokens made, listed and revoked by their owners and admins, and their last use, on FerretDB. */
const config = testConfig(uniqueName('apitokens'));
let admin: Principal;
let anna: Principal;
let bernd: Principal;

async function account(email: string, role: 'admin' | 'organiser'): Promise<Principal> {
  const a = await Account.create({ email, role, organisationId: role === 'organiser' ? 'org-a' : undefined });
  return principalOf(a.toObject());
}

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  admin = await account('buero@example.org', 'admin');
  anna = await account('anna@example.org', 'organiser');
  bernd = await account('bernd@example.org', 'organiser');
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

it('creates a token shown once, stores only its hash and lists it for its owner', async () => {
  const made = await createApiToken({ accountId: anna.accountId, name: '  Website-Import  ' });
  expect(made.token).toMatch(/^qn_[A-Za-z0-9_-]{43}$/);
  expect(made.id).toBe(hashToken(made.token));
  expect(made.name).toBe('Website-Import');
  const stored = await ApiToken.findById(made.id).lean();
  expect(JSON.stringify(stored)).not.toContain(made.token);

  const list = await listApiTokens({ accountId: anna.accountId });
  expect(list).toEqual([
    expect.objectContaining({ id: made.id, name: 'Website-Import', accountId: anna.accountId }),
  ]);
  expect(list[0]!.createdAt).toBeInstanceOf(Date);
  expect(list[0]!.lastUsedAt).toBeUndefined();
  expect(await listApiTokens({ accountId: bernd.accountId })).toEqual([]);
  await expect(authenticateToken(made.token)).resolves.toMatchObject({ accountId: anna.accountId });
});

it.each([
  ['', 'is required'],
  ['   ', 'is required'],
  ['x'.repeat(101), 'at most 100'],
  ['Zeile\neins', 'single line'],
  ['nul\u0000', 'control character'],
])('refuses the name %j, naming the field', async (name, message) => {
  const err = await createApiToken({ accountId: anna.accountId, name }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'validation', details: { fields: [{ field: 'name' }] } });
  expect((err as { details: { fields: { message: string }[] } }).details.fields[0]!.message).toContain(
    message,
  );
});

it('lets the owner and admins revoke, nobody else; a revoked token is refused at once', async () => {
  const made = await createApiToken({ accountId: anna.accountId, name: 'Laptop' });
  await expect(revokeApiToken({ principal: bernd, tokenId: made.id })).rejects.toMatchObject({
    code: 'not_found',
  });
  await expect(findApiToken({ principal: bernd, tokenId: made.id })).rejects.toMatchObject({
    code: 'not_found',
  });
  await expect(revokeApiToken({ principal: anna, tokenId: 'nicht-hex' })).rejects.toMatchObject({
    code: 'not_found',
  });
  await expect(authenticateToken(made.token)).resolves.not.toBeNull();

  const first = await revokeApiToken({ principal: anna, tokenId: made.id });
  expect(first.changed).toBe(true);
  await expect(authenticateToken(made.token)).resolves.toBeNull();
  const again = await revokeApiToken({ principal: admin, tokenId: made.id });
  expect(again).toMatchObject({ changed: false, token: { revokedAt: first.token.revokedAt } });

  const other = await createApiToken({ accountId: bernd.accountId, name: 'Bernds Skript' });
  await expect(revokeApiToken({ principal: admin, tokenId: other.id })).resolves.toMatchObject({
    changed: true,
  });
  await expect(authenticateToken(other.token)).resolves.toBeNull();
});

it('lists every account’s tokens with the address for admins only', async () => {
  const made = await createApiToken({ accountId: bernd.accountId, name: 'Kalender-Sync' });
  const all = await listAllApiTokens({ principal: admin });
  expect(all).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: made.id, email: 'bernd@example.org' })]),
  );
  await expect(listAllApiTokens({ principal: anna })).rejects.toMatchObject({ code: 'forbidden' });
});

it('stamps the last use in the background, at most once an hour per token', async () => {
  const made = await createApiToken({ accountId: anna.accountId, name: 'Stempel' });
  await authenticateToken(made.token);
  const stamped = await eventually('the first use stamped', () => ApiTokenUse.findById(made.id).lean());
  const [view] = (await listApiTokens({ accountId: anna.accountId })).filter((t) => t.id === made.id);
  expect(view!.lastUsedAt).toEqual(stamped.lastUsedAt);

  const t0 = stamped.lastUsedAt.getTime();
  // Within the hour: neither this process (which remembers) nor the database is written to.
  expect(await recordApiTokenUse(made.id, new Date(t0 + 10 * 60_000))).toBe(false);
  expect(await recordApiTokenUse(made.id, new Date(t0 + TOKEN_USE_INTERVAL_MS - 1))).toBe(false);
  expect((await ApiTokenUse.findById(made.id).lean())!.lastUsedAt.getTime()).toBe(t0);
  // An hour later, once, however many requests come at the same moment.
  const later = new Date(t0 + TOKEN_USE_INTERVAL_MS + 1);
  const writes = await Promise.all(Array.from({ length: 20 }, () => recordApiTokenUse(made.id, later)));
  expect(writes.filter(Boolean)).toHaveLength(1);
  expect((await ApiTokenUse.findById(made.id).lean())!.lastUsedAt).toEqual(later);
});

it('skips the write when another process stamped the token within the hour', async () => {
  const made = await createApiToken({ accountId: anna.accountId, name: 'Anderer Prozess' });
  const elsewhere = new Date(Date.now() - 5 * 60_000);
  await ApiTokenUse.create({ _id: made.id, lastUsedAt: elsewhere });
  expect(await recordApiTokenUse(made.id)).toBe(false);
  expect((await ApiTokenUse.findById(made.id).lean())!.lastUsedAt).toEqual(elsewhere);
});

it('keeps a revocation that races with use stamps (FerretDB updates are not atomic)', async () => {
  for (let round = 0; round < 5; round++) {
    const made = await createApiToken({ accountId: anna.accountId, name: `Wettlauf ${round}` });
    const hourAgo = Date.now() - 2 * TOKEN_USE_INTERVAL_MS;
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        recordApiTokenUse(made.id, new Date(hourAgo + i * TOKEN_USE_INTERVAL_MS * 2)),
      ),
      revokeApiToken({ principal: anna, tokenId: made.id }),
      ...Array.from({ length: 10 }, () => authenticateToken(made.token)),
    ]);
    expect((await ApiToken.findById(made.id).lean())!.revokedAt).toBeInstanceOf(Date);
    await expect(authenticateToken(made.token)).resolves.toBeNull();
  }
});

it('gives a viewer’s token exactly the viewer’s rights, and follows the account’s changes', async () => {
  const viewer = await Account.create({
    email: 'lesend@example.org',
    role: 'organiser',
    memberships: [{ organisationId: 'org-v', role: 'viewer' }],
  });
  const made = await createApiToken({ accountId: viewer._id, name: 'Nur lesen' });
  const p = (await authenticateToken(made.token))!;
  expect(p).toMatchObject({ accountId: String(viewer._id), role: 'organiser' });
  expect(canViewOrganisation(p, 'org-v')).toBe(true);
  expect(canManageOrganisation(p, 'org-v')).toBe(false);
  expect(canViewOrganisation(p, 'org-a')).toBe(false);

  // The token holds no rights of its own: a disabled account's token is refused.
  await Account.updateOne({ _id: viewer._id }, { $set: { disabledAt: new Date() } });
  await expect(authenticateToken(made.token)).resolves.toBeNull();
});
