import type { Server } from 'node:http';
import type { Worker } from 'bullmq';
import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import { createHttpApp } from '@qn/http';
import { createRuntime, type Runtime } from '@qn/runtime';
import { createFundingRouter } from '@qn/service-funding';
import { createAlertsWorker } from '@qn/worker-alerts';
import { createMailerWorker } from '@qn/worker-mailer';
import type { FundingSettings } from '@qn/funding';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';

export const ADMIN_TOKEN = 'funding-admin-token-0123456789abcdef';

export type FundingStack = {
  config: Config;
  rt: Runtime;
  server: Server;
  workers: Worker[];
  startWorkers: () => Worker[];
  stopWorkers: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The funding service and its workers on the real FerretDB, Redis and mailbox, with this test
 * file's own database and queue prefix. `workers: false` leaves the queues unconsumed so a test
 * can look at what was enqueued before anything runs.
 */
export async function startFundingStack(
  label: string,
  opts: { settings?: Partial<FundingSettings>; workers?: boolean; env?: Record<string, string> } = {},
): Promise<FundingStack> {
  const config = testConfig(uniqueName(label), { ADMIN_TOKEN, PORT: '0', LOG_LEVEL: 'error', ...opts.env });
  const rt = await createRuntime(config, { name: 'test-funding' });
  const app = createHttpApp({
    logger: rt.logger,
    readiness: rt.readiness,
    mounts: [{ path: '/api/funding', router: createFundingRouter({ ...rt, settings: opts.settings }) }],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const stack: FundingStack = {
    config,
    rt,
    server,
    workers: [],
    startWorkers: () => {
      const ws = [
        createAlertsWorker({
          config,
          connection: rt.workerConnection(),
          logger: rt.logger,
          producer: rt.producer,
          settings: opts.settings,
        }),
        createMailerWorker({
          config,
          connection: rt.workerConnection(),
          logger: rt.logger,
          transport: rt.mailTransport(),
        }),
      ];
      stack.workers.push(...ws);
      return ws;
    },
    stopWorkers: async () => {
      await Promise.all(stack.workers.map((w) => w.close()));
      stack.workers = [];
    },
    stop: async () => {
      await new Promise((r) => server.close(r));
      await stack.stopWorkers();
      await mongoose.connection.dropDatabase();
      await rt.close();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
  if (opts.workers !== false) stack.startWorkers();
  return stack;
}

export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** A valid programme body; tests override what they look at. */
export function programmeBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Quartiersimpulse – Beratung und Begleitung',
    provider: 'land',
    providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
    programmeLine: 'Quartier 2030 – Gemeinsam.Gestalten',
    summary: 'Förderung von Quartiersprojekten, die das Miteinander im Quartier stärken.',
    fieldsOfAction: ['teilhabe', 'engagement'],
    applicantTypes: ['kommune'],
    region: { scope: 'state' },
    amount: { min: 5_000, max: 100_000 },
    fundingRatePercent: 80,
    deadlines: ['2099-03-31'],
    links: [{ label: 'Offizielle Ausschreibung', url: 'https://example.org/quartiersimpulse' }],
    ...over,
  };
}
