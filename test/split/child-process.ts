import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

/** A free loopback port (released before the child binds it; nothing else here races for it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type Child = {
  name: string;
  proc: ChildProcess;
  port?: number;
  /** Everything it printed so far: pino JSON lines, shown when it fails to start. */
  output: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
};

/** Starts one built entry point (`services/x/dist/main.js`) as its own node process. */
export function startChild(name: string, entry: string, env: Record<string, string>, port?: number): Child {
  const proc = spawn(process.execPath, [path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exitCode: number | null | undefined;
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const done = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    }),
  );
  return {
    name,
    proc,
    port,
    output: () => out,
    exited: () => exitCode !== undefined,
    stop: async () => {
      if (exitCode !== undefined) return;
      // Graceful first (runUntilSignal closes servers, workers and pools); force if it hangs.
      proc.kill('SIGTERM');
      const force = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(force);
    },
  };
}

async function poll(child: Child, what: string, ok: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited while starting:\n${child.output()}`);
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name} not ${what} after ${timeoutMs} ms:\n${child.output()}`);
}

/** A service is up when its own /readyz says database, Redis and mail relay answer. */
export function waitReady(child: Child, timeoutMs = 60_000): Promise<void> {
  return poll(
    child,
    'ready',
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${child.port}/readyz`)).status === 200;
      } catch {
        return false;
      }
    },
    timeoutMs,
  );
}

/** A worker is up when it logged that it started (it has no HTTP port). */
export function waitLogged(child: Child, message: string, timeoutMs = 60_000): Promise<void> {
  return poll(child, `logging "${message}"`, () => child.output().includes(`"msg":"${message}"`), timeoutMs);
}
