import type { Server } from 'node:http';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { createRuntime, type Runtime } from '@qn/runtime';
import { seedDemo } from '@qn/seed';
import { composeApp } from './compose-app';
import { composeWorkers } from './compose-workers';

export type AllInOne = { rt: Runtime; server: Server; url: string; stop: () => Promise<void> };

export async function startAllInOne(config: Config, opts: { logger?: Logger } = {}): Promise<AllInOne> {
  const rt = await createRuntime(config, { name: 'all-in-one', logger: opts.logger });
  if (config.SEED_DEMO)
    await seedDemo({ organiserToken: config.DEMO_ORGANISER_TOKEN, secretKey: config.SECRET_KEY });
  const workers = composeWorkers(rt);
  const app = composeApp(rt);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  const addr = server.address() as { port: number };
  return {
    rt,
    server,
    url: `http://${config.HOST}:${addr.port}`,
    stop: async () => {
      await new Promise((r) => server.close(r));
      await Promise.all(workers.map((w) => w.close()));
      await rt.close();
    },
  };
}
