import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { closeDb, connectDb } from '@qn/db';
import { isAppError } from '@qn/domain';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { Account } from './models/account';
import { Organisation } from './models/organisation';
import { createOrganisation } from './create-organisation';
import { setOrganisationActive, updateOrganisation } from './update-organisation';
import { inviteAccount } from './invite-account';
import { removeAccount, setAccountActive, setAdmin, setMembership } from './change-account';
import { loadPrincipal } from './load-principal';
import { canManageOrganisation, canViewOrganisation } from './access-rules';
import type { AccountDeps } from './account-lock';

/** Organisations and accounts on the real FerretDB and Redis, concurrent changes included. */
const config = testConfig(uniqueName('accounts'));
let redis: Redis;
let deps: AccountDeps;

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  await Promise.all([Account.init(), Organisation.init()]);
  redis = new Redis(config.REDIS_URL);
  deps = { redis, keyPrefix: config.QUEUE_PREFIX };
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  redis.disconnect();
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (isAppError(err)) return `${err.code}:${(err.details.fields ?? []).map((f) => f.field).join(',')}`;
    throw err;
  }
}

it('creates an organisation under its name once, even when two admins try at once', async () => {
  const results = await Promise.all(
    Array.from({ length: 6 }, () =>
      code(createOrganisation({ name: 'Seniorenrat Wendlingen', actorType: 'verein', municipality: 'wendlingen-am-neckar' })),
    ),
  );
  expect(results.filter((r) => r === 'ok')).toHaveLength(1);
  expect(results.filter((r) => r === 'validation:name')).toHaveLength(5);
  expect(await Organisation.countDocuments({ _id: 'seniorenrat-wendlingen' })).toBe(1);
});

it('names every wrong field and stores nothing', async () => {
  expect(await code(createOrganisation({ name: 'Zeile\neins', actorType: 'club', municipality: 'atlantis' }))).toBe(
    'validation:name,actorType,municipality',
  );
  expect(await code(createOrganisation({ name: ' -- ', actorType: 'verein' }))).toBe('validation:name');
  expect(await Organisation.countDocuments()).toBe(1);
});

it('renames without changing the id and reports only the changed fields', async () => {
  const r = await updateOrganisation('seniorenrat-wendlingen', { name: 'Seniorenrat Wendlingen e. V.', actorType: 'verein' });
  expect(r.changed.sort()).toEqual(['municipality', 'name']);
  const org = await Organisation.findById('seniorenrat-wendlingen').lean();
  expect(org).toMatchObject({ name: 'Seniorenrat Wendlingen e. V.' });
  expect(org!.municipality).toBeUndefined();
  expect((await updateOrganisation('seniorenrat-wendlingen', { name: 'Seniorenrat Wendlingen e. V.', actorType: 'verein' })).changed).toEqual([]);
});

it('keeps every membership when several are given to one account at once', async () => {
  const orgs = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `verein-${x}`);
  for (const id of orgs) await Organisation.create({ _id: id, name: `Verein ${id}`, actorType: 'verein' });
  const invited = await Promise.all(
    orgs.map((organisationId, i) =>
      inviteAccount(deps, {
        email: 'Helga.Haas@Example.org',
        grant: { kind: 'member', organisationId, role: i % 2 ? 'viewer' : 'organiser' },
      }),
    ),
  );
  expect(invited.filter((r) => r.created)).toHaveLength(1);
  const account = (await Account.findOne({ email: 'helga.haas@example.org' }).lean())!;
  expect(account.memberships!.map((m) => m.organisationId).sort()).toEqual(orgs);

  await Promise.all(
    orgs.map((organisationId) =>
      setMembership(deps, { accountId: String(account._id), organisationId, role: organisationId.endsWith('a') ? 'viewer' : null }),
    ),
  );
  const after = (await Account.findById(account._id).lean())!;
  expect(after.memberships).toEqual([{ organisationId: 'verein-a', role: 'viewer' }]);
});

it('turns a member of a deactivated organisation into a reader of it', async () => {
  await Organisation.create({ _id: 'stadt-x', name: 'Stadt X', actorType: 'kommune' });
  const { account } = await inviteAccount(deps, {
    email: 'paul@example.org',
    grant: { kind: 'member', organisationId: 'stadt-x', role: 'organiser' },
  });
  expect(canManageOrganisation(await loadPrincipal(account), 'stadt-x')).toBe(true);
  expect(await setOrganisationActive('stadt-x', false)).toBe(true);
  expect(await setOrganisationActive('stadt-x', false)).toBe(false);
  const p = await loadPrincipal((await Account.findById(account._id).lean())!);
  expect(canManageOrganisation(p, 'stadt-x')).toBe(false);
  expect(canViewOrganisation(p, 'stadt-x')).toBe(true);
  expect(await code(inviteAccount(deps, { email: 'neu@example.org', grant: { kind: 'member', organisationId: 'stadt-x', role: 'viewer' } }))).toBe(
    'validation:organisationId',
  );
});

it('never leaves the office without an active admin, even under concurrent demotions', async () => {
  const a = (await inviteAccount(deps, { email: 'admin-a@example.org', grant: { kind: 'admin' } })).account;
  const b = (await inviteAccount(deps, { email: 'admin-b@example.org', grant: { kind: 'admin' } })).account;
  const results = await Promise.all([
    code(setAdmin(deps, { accountId: String(a._id), admin: false })),
    code(setAdmin(deps, { accountId: String(b._id), admin: false })),
  ]);
  expect(results.sort()).toEqual(['conflict:', 'ok']);
  const admins = await Account.find({ role: 'admin' }).lean();
  expect(admins).toHaveLength(1);
  const last = String(admins[0]!._id);
  expect(await code(setAccountActive(deps, { accountId: last, active: false, byAccountId: 'someone' }))).toBe('conflict:');
  expect(await code(removeAccount(deps, { accountId: last, byAccountId: 'someone' }))).toBe('conflict:');
  expect(await code(setAccountActive(deps, { accountId: last, active: false, byAccountId: last }))).toBe('conflict:');
});
