import { loadConfigOrExit } from '@qn/config';
import { createHttpApp } from '@qn/http';
import { createRuntime, runUntilSignal, httpOptionsOf } from '@qn/runtime';
import { createFundingRouter } from './create-funding-router';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-funding' });
  const app = createHttpApp({
    ...httpOptionsOf(rt),
    mounts: [{ path: '/api/funding', router: createFundingRouter(rt) }],
  });
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
