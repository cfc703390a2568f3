import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@qn/config';
import { closeDb, connectDb } from '@qn/db';
import { isAppError, type FieldIssue } from '@qn/domain';
import { createAdmin, createAdminIssues } from '../create-admin';

type Env = Record<string, string | undefined>;
type Io = { stdout: Writable; stderr: Writable };

const usage = 'usage: npm run create-admin -- --email <address> [--name "<name>"]\n';

function issuesText(issues: FieldIssue[]): string {
  return issues.map((i) => `--${i.field} ${i.message}`).join('; ');
}

function describe(r: Awaited<ReturnType<typeof createAdmin>>): string {
  if (r.created) return `created the admin account ${r.email}`;
  const changes = [
    r.promoted ? 'made admin' : '',
    r.reenabled ? 'enabled again' : '',
    r.renamed ? 'renamed' : '',
  ].filter(Boolean);
  return changes.length
    ? `${r.email}: existing account ${changes.join(', ')}`
    : `${r.email} is already an enabled admin account; nothing changed`;
}

/**
 * `create-admin --email ADDRESS [--name NAME]`: the first admin of a new install, or an office
 * locked out of its console. Reads the services' configuration (the same environment), so it
 * writes to the database they use. Exit codes: 0 done, 64 usage, 65 bad input, 78 bad
 * configuration, 1 anything else (the database unreachable).
 */
export async function runCreateAdminCli(argv: string[], env: Env, io: Io): Promise<number> {
  let email: string | undefined;
  let name: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    ({ email, name } = values);
  } catch (err) {
    io.stderr.write(`create-admin: ${(err as Error).message}\n${usage}`);
    return 64;
  }
  if (!email) return (io.stderr.write(`create-admin: --email is required\n${usage}`), 64);
  const issues = createAdminIssues({ email, name });
  if (issues.length) return (io.stderr.write(`create-admin: ${issuesText(issues)}\n${usage}`), 65);

  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return (io.stderr.write(`create-admin: ${err.message}\n`), 78);
    throw err;
  }
  try {
    await connectDb({ url: config.MONGODB_URL, poolSize: 2, attempts: 3 });
    const result = await createAdmin({ email, name });
    io.stdout.write(
      `create-admin: ${describe(result)}.\n` +
        `Sign in at ${new URL('/anmelden', config.PUBLIC_URL).href} with ${result.email}: ` +
        'the sign-in link comes by mail.\n',
    );
    return 0;
  } catch (err) {
    if (isAppError(err) && err.code === 'validation') {
      io.stderr.write(`create-admin: ${issuesText(err.details.fields ?? [])}\n${usage}`);
      return 65;
    }
    io.stderr.write(`create-admin failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await closeDb().catch(() => undefined);
  }
}
