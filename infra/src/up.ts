import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { repoRoot, startFerretDb } from './ferretdb';
import { ensureRedis } from './redis';
import { startMailbox } from './mailbox/start-mailbox';

/**
 * The embedded default: FerretDB (SQLite under .data/), Redis (the machine's, or one with AOF
 * under .data/), the dev mailbox, then every service and worker in one process, with demo data.
 * Secrets are generated once and kept in .data/secrets.json so tokens survive restarts.
 */
function secrets(dataDir: string): { SECRET_KEY: string; ADMIN_TOKEN: string; ORGANISER_TOKEN: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const s = {
    SECRET_KEY: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: `qn_admin_${randomBytes(18).toString('base64url')}`,
    ORGANISER_TOKEN: `qn_org_${randomBytes(18).toString('base64url')}`,
  };
  writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

async function main() {
  const dataDir = join(repoRoot, '.data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const ferret = await startFerretDb({
    stateDir: join(dataDir, 'ferretdb'),
    port: Number(process.env.FERRETDB_PORT ?? 27017),
  });
  const redis = await ensureRedis(redisUrl, join(dataDir, 'redis'));
  const mailbox = await startMailbox({
    smtpPort: Number(process.env.MAILBOX_SMTP_PORT ?? 2525),
    httpPort: Number(process.env.MAILBOX_HTTP_PORT ?? 1080),
  });
  const s = secrets(dataDir);
  const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    MONGODB_URL: `${ferret.url}/quartiersnetz`,
    REDIS_URL: redisUrl,
    SMTP_URL: `smtp://127.0.0.1:${mailbox.smtpPort}`,
    SECRET_KEY: s.SECRET_KEY,
    ADMIN_TOKEN: s.ADMIN_TOKEN,
    DEMO_ORGANISER_TOKEN: s.ORGANISER_TOKEN,
    SEED_DEMO: 'true',
  };
  const app = spawn(process.execPath, [join(repoRoot, 'services/all-in-one/dist/main.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill('SIGTERM');
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once('exit', r)));
    await mailbox.stop();
    await ferret.stop();
    redis.stop();
    process.exit(code);
  };
  app.once('exit', (code) => void stopAll(code ?? 1));
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // Wait until the app is ready, then send the demo mail through the whole path.
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await fetch(`http://127.0.0.1:${port}/api/smoke/pings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.ADMIN_TOKEN}` },
    body: JSON.stringify({ to: 'demo@example.org', message: 'Quartiersnetz läuft.' }),
  });
  process.stdout.write(
    [
      '',
      'Quartiersnetz is up:',
      `  Web & API         ${publicUrl}/`,
      `  Readiness         ${publicUrl}/readyz`,
      `  Dev mailbox       http://127.0.0.1:${mailbox.httpPort}/   (SMTP 127.0.0.1:${mailbox.smtpPort})`,
      `  FerretDB          ${ferret.url}/quartiersnetz   (SQLite under .data/ferretdb)`,
      `  Redis             ${redisUrl}${redis.started ? '   (started, AOF under .data/redis)' : ''}`,
      `  Admin API token   ${s.ADMIN_TOKEN}`,
      `  Organiser token   ${s.ORGANISER_TOKEN}   (Stadt Nürtingen)`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

void main().catch((err) => {
  process.stderr.write(`start failed: ${(err as Error).message}\n`);
  process.exit(1);
});
