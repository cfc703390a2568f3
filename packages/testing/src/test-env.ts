import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@qn/config';

function need(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(`${name} is not set: run the tests through jest (its globalSetup starts the servers)`);
  return v;
}

/** A short unique name for this test file's database and queue prefix. */
export function uniqueName(label = 't'): string {
  return `${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
}

/** A full, valid Config pointing at the servers that globalSetup started. */
export function testConfig(dbName: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    MONGODB_URL: `${need('QN_TEST_MONGODB_URL')}/${dbName}`,
    REDIS_URL: need('QN_TEST_REDIS_URL'),
    SMTP_URL: need('QN_TEST_SMTP_URL'),
    SECRET_KEY: 'test-secret-key-that-is-long-enough-1234',
    QUEUE_PREFIX: `qnt:${dbName}`,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    ...overrides,
  });
}

export function mailboxUrl(): string {
  return need('QN_TEST_MAILBOX_URL');
}
