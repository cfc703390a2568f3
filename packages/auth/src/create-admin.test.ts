import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { closeDb, connectDb } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';
import { Account } from './models/account';
import { createAdmin } from './create-admin';

/**
 * `npm run create-admin` as an operator runs it on a new install: the built command in a
 * process of its own, with the services' environment, against the real database.
 */
jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, '../../..');
const config = testConfig(uniqueName('createadmin'));
const env = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'test',
  MONGODB_URL: config.MONGODB_URL,
  SMTP_URL: config.SMTP_URL,
  SECRET_KEY: config.SECRET_KEY,
  PUBLIC_URL: 'https://quartier.example.org',
};

type Run = { code: number; stdout: string; stderr: string };

async function createAdminCli(args: string[], overrides: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'create-admin', '--', ...args],
      { cwd: repoRoot, env: { ...env, ...overrides }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  // turbo rebuilds only what changed (cached by input), so the command's dist matches src.
  await promisify(execFile)(
    'npx',
    ['turbo', 'run', 'build', '--output-logs=errors-only', '--filter=@qn/auth...'],
    {
      cwd: repoRoot,
      timeout: 240_000,
    },
  );
  await connectDb({ url: config.MONGODB_URL });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

it('creates the first admin, says how to sign in, and changes nothing when run again', async () => {
  const first = await createAdminCli([
    '--email',
    ' Buero@Example.org ',
    '--name',
    'Koordination Quartier Esslingen',
  ]);
  expect(first).toMatchObject({ code: 0 });
  expect(first.stdout).toContain('created the admin account buero@example.org');
  expect(first.stdout).toContain('https://quartier.example.org/anmelden');
  const stored = await Account.find({ email: 'buero@example.org' }).lean();
  expect(stored).toEqual([
    expect.objectContaining({ role: 'admin', name: 'Koordination Quartier Esslingen' }),
  ]);
  expect(stored[0]!.disabledAt).toBeUndefined();

  const again = await createAdminCli(['--email', 'buero@example.org']);
  expect(again).toMatchObject({ code: 0 });
  expect(again.stdout).toContain('nothing changed');
  expect(await Account.countDocuments({ email: 'buero@example.org' })).toBe(1);
  expect((await Account.findOne({ email: 'buero@example.org' }).lean())!.name).toBe(
    'Koordination Quartier Esslingen',
  );
});

it('makes an existing, disabled organiser an enabled admin', async () => {
  await Account.create({
    email: 'ehemals@example.org',
    role: 'organiser',
    organisationId: 'stadt-esslingen',
    disabledAt: new Date(),
  });
  const run = await createAdminCli(['--email', 'ehemals@example.org']);
  expect(run).toMatchObject({ code: 0 });
  expect(run.stdout).toContain('made admin, enabled again');
  const stored = await Account.findOne({ email: 'ehemals@example.org' }).lean();
  expect(stored).toMatchObject({ role: 'admin' });
  expect(stored!.disabledAt).toBeUndefined();
});

it('refuses bad input and bad configuration with a message and a non-zero exit code', async () => {
  const noEmail = await createAdminCli([]);
  expect(noEmail.code).toBe(64);
  expect(noEmail.stderr).toContain('--email is required');

  const unknown = await createAdminCli(['--email', 'a@example.org', '--role', 'viewer']);
  expect(unknown.code).toBe(64);
  expect(unknown.stderr).toContain("Unknown option '--role'");

  const badEmail = await createAdminCli(['--email', 'kein-at-zeichen']);
  expect(badEmail.code).toBe(65);
  expect(badEmail.stderr).toContain('--email is not an e-mail address');

  const badName = await createAdminCli(['--email', 'b@example.org', '--name', 'zwei\nZeilen']);
  expect(badName.code).toBe(65);
  expect(badName.stderr).toContain('--name must be a single line');

  const badConfig = await createAdminCli(['--email', 'c@example.org'], { SECRET_KEY: 'kurz' });
  expect(badConfig.code).toBe(78);
  expect(badConfig.stderr).toContain('SECRET_KEY');

  expect(
    await Account.countDocuments({
      email: mongoose.trusted({ $in: ['a@example.org', 'b@example.org', 'c@example.org'] }),
    }),
  ).toBe(0);
});

it('leaves one account when several runs race for the same address', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, () => createAdmin({ email: 'gleichzeitig@example.org' })),
  );
  expect(await Account.countDocuments({ email: 'gleichzeitig@example.org' })).toBe(1);
  expect(new Set(results.map((r) => r.accountId)).size).toBe(1);
});
