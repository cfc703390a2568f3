import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, waitForTcp } from './free-port';

export const repoRoot = resolve(__dirname, '..', '..');

/** Builds FerretDB into the cache folder outside the clone if it isn't there; returns its path. */
export function ensureFerretDbBinary(): string {
  const out = execFileSync('bash', [join(repoRoot, 'infra/scripts/build-ferretdb.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop()!;
}

export type FerretDb = { url: string; port: number; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts FerretDB on the SQLite handler (the PostgreSQL one deadlocked here under load, see
 * docs/architecture.md). Its log goes to a file: it logs every lost unique-insert race at ERROR level.
 */
export async function startFerretDb(opts: {
  stateDir: string;
  port?: number;
  debugPort?: number;
}): Promise<FerretDb> {
  const bin = ensureFerretDbBinary();
  const port = opts.port ?? (await freePort());
  const debugPort = opts.debugPort ?? (await freePort());
  const dataDir = join(opts.stateDir, 'sqlite');
  mkdirSync(dataDir, { recursive: true });
  const log = openSync(join(opts.stateDir, 'ferretdb.log'), 'a');
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      `--state-dir=${opts.stateDir}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitForTcp(port, '127.0.0.1', 30_000).catch((err) => {
    child.kill('SIGKILL');
    throw new Error(
      `FerretDB did not start (see ${join(opts.stateDir, 'ferretdb.log')}): ${(err as Error).message}`,
    );
  });
  return {
    url: `mongodb://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((r) => {
        if (exited) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
