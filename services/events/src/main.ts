import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createEventsRouter } from './create-events-router';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-events' });
  const app = createServiceApp(rt, [{ path: '/api/events', router: createEventsRouter(rt) }]);
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
