import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createNewsletterRouter } from './create-newsletter-router';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-newsletter' });
  const app = createServiceApp(rt, [{ path: '/api/newsletter', router: createNewsletterRouter(rt) }]);
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
