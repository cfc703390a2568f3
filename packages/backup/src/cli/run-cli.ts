import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import mongoose from 'mongoose';
import { configSchema } from '@qn/config';
import { backupDatabase } from '../backup-database';
import { restoreDatabase, RestoreRefused } from '../restore-database';

type Env = Record<string, string | undefined>;
type Io = { stdout: Writable; stderr: Writable; stdin: Readable };

// Only the connection string: a backup host needs no SMTP or secret configured.
const dbConfig = configSchema.pick({ MONGODB_URL: true });

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function withDb<T>(env: Env, fn: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const { MONGODB_URL } = dbConfig.parse(env);
  const client = new mongoose.mongo.MongoClient(MONGODB_URL, {
    retryWrites: false,
    serverSelectionTimeoutMS: 10_000,
  });
  await client.connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}

const usageBackup = 'usage: qn-backup --out <file.ndjson.gz | ->   (MONGODB_URL names the database)\n';
const usageRestore =
  'usage: qn-restore --in <file.ndjson.gz | -> [--force]   (MONGODB_URL names the database)\n';

/**
 * `qn-backup --out FILE`: writes FILE.partial and renames it when complete, so a cron job
 * that dies midway never leaves a file that looks like a good backup. Returns the exit code.
 */
export async function runBackupCli(argv: string[], env: Env, io: Io): Promise<number> {
  const out = argValue(argv, '--out');
  if (!out) return (io.stderr.write(usageBackup), 64);
  try {
    const r = await withDb(env, async (db) => {
      if (out === '-') return backupDatabase(db, io.stdout);
      const res = await backupDatabase(db, createWriteStream(`${out}.partial`, { mode: 0o600 }));
      renameSync(`${out}.partial`, out);
      return res;
    });
    io.stderr.write(`backup: ${r.collections} collections, ${r.documents} documents → ${out}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`backup failed: ${(err as Error).message}\n`);
    return 1;
  }
}

/** `qn-restore --in FILE [--force]`. Exit 2 when the database is not empty and --force is missing. */
export async function runRestoreCli(argv: string[], env: Env, io: Io): Promise<number> {
  const input = argValue(argv, '--in');
  if (!input) return (io.stderr.write(usageRestore), 64);
  try {
    const r = await withDb(env, (db) =>
      restoreDatabase(db, input === '-' ? io.stdin : createReadStream(input), {
        force: argv.includes('--force'),
      }),
    );
    io.stderr.write(`restore: ${r.collections} collections, ${r.documents} documents ← ${input}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`restore failed: ${(err as Error).message}\n`);
    return err instanceof RestoreRefused ? 2 : 1;
  }
}
