import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createCalendarService } from './create-calendar-service';
import { serveWithFastPath } from './serve-with-fast-path';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-calendar' });
  const calendar = createCalendarService({
    config: rt.config,
    logger: rt.logger,
    redis: rt.redis,
    subscriber: rt.workerConnection(),
  });
  await calendar.ready;
  const app = createServiceApp(rt, [{ path: '/feeds', router: calendar.router }]);
  const server = serveWithFastPath(app, calendar.fastPath);
  server.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
