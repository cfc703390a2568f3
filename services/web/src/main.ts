import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createWebRouter } from './create-web-router';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-web' });
  const app = createServiceApp(rt, [{ path: '/', router: createWebRouter(rt) }]);
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
