import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFerretDb, type FerretDb } from '../ferretdb';
import { startMailbox, type Mailbox } from '../mailbox/start-mailbox';
import { pingRedis } from '../redis';
import { repoRoot } from '../ferretdb';

type Handles = { ferret: FerretDb; mailbox: Mailbox; stateDir: string };

/**
 * Starts the real servers the suite needs, once per run: a fresh FerretDB (SQLite under
 * .data/test-ferretdb) and the dev mailbox; Redis is the machine's (REDIS_URL or
 * 127.0.0.1:6379). A missing server fails the run here, loudly, instead of skipping tests.
 */
export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await pingRedis(redisUrl))) throw new Error(`Redis is not reachable at ${redisUrl}`);
  // One state dir per run, so parallel runs (several developers, CI) never share files.
  const stateDir = join(repoRoot, '.data', `test-ferretdb-${process.pid}`);
  mkdirSync(stateDir, { recursive: true });
  const ferret = await startFerretDb({ stateDir });
  const mailbox = await startMailbox({ smtpPort: 0, httpPort: 0 });
  process.env.QN_TEST_MONGODB_URL = ferret.url;
  process.env.QN_TEST_REDIS_URL = redisUrl;
  process.env.QN_TEST_SMTP_URL = `smtp://127.0.0.1:${mailbox.smtpPort}`;
  process.env.QN_TEST_MAILBOX_URL = `http://127.0.0.1:${mailbox.httpPort}`;
  (globalThis as { __qnHandles?: Handles }).__qnHandles = { ferret, mailbox, stateDir };
}
