import { loadConfigOrExit } from '@qn/config';
import { createHttpApp } from '@qn/http';
import { createRuntime, runUntilSignal, httpOptionsOf } from '@qn/runtime';
import { createNewsletterRouter } from './create-newsletter-router';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-newsletter' });
  const app = createHttpApp({
    ...httpOptionsOf(rt),
    mounts: [{ path: '/api/newsletter', router: createNewsletterRouter(rt) }],
  });
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
