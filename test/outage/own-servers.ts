import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import {
  freePort,
  repoRoot,
  startFerretDb,
  startMailbox,
  waitForTcp,
  type FerretDb,
  type Mailbox,
  type MailboxOptions,
  type StoredMessage,
} from '@qn/infra';

/**
 * Servers a test owns and may stop and start again on the same port: its own redis-server
 * process, its own FerretDB and its own mailbox, so an outage never touches the servers the
 * rest of the suite shares.
 */

function stateDir(label: string): string {
  const dir = join(repoRoot, '.data', `outage-${label}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

export type OwnRedis = {
  url: string;
  /** SIGKILL by default: the hardest stop; AOF with fsync on every write keeps what was acked. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startOwnRedis(label: string): Promise<OwnRedis> {
  const port = await freePort();
  const dir = stateDir(`redis-${label}`);
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    // Redis answers PING with LOADING while it replays the AOF; wait for a real PONG.
    await waitForTcp(port, '127.0.0.1', 10_000);
    const probe = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      for (let i = 0; i < 100; i++) {
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return;
        } catch {
          probe.disconnect();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server on ${port} did not come up`);
    } finally {
      probe.disconnect();
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!child) return;
    const c = child;
    child = undefined;
    c.kill(signal);
    await waitForExit(c);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    close: async () => {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OwnFerret = {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startOwnFerret(label: string): Promise<OwnFerret> {
  const dir = stateDir(`ferret-${label}`);
  let ferret: FerretDb | undefined = await startFerretDb({ stateDir: dir });
  const port = ferret.port;
  return {
    url: ferret.url,
    stop: async () => {
      await ferret?.stop();
      ferret = undefined;
    },
    start: async () => {
      ferret = await startFerretDb({ stateDir: dir, port });
    },
    close: async () => {
      await ferret?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OwnMailbox = {
  smtpUrl: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Every message received, across restarts. */
  messages: () => StoredMessage[];
  close: () => Promise<void>;
};

export async function startOwnMailbox(opts: Pick<MailboxOptions, 'rejectWith'> = {}): Promise<OwnMailbox> {
  const smtpPort = await freePort();
  const earlier: StoredMessage[] = [];
  let box: Mailbox | undefined;
  const start = async () => {
    box = await startMailbox({ smtpPort, httpPort: 0, closeTimeoutMs: 200, rejectWith: opts.rejectWith });
  };
  const stop = async () => {
    if (!box) return;
    const b = box;
    box = undefined;
    await b.stop();
    earlier.push(...b.store.list());
  };
  await start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    stop,
    start,
    messages: () => [...earlier, ...(box?.store.list() ?? [])],
    close: stop,
  };
}
