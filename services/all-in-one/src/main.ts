import { loadConfigOrExit } from '@qn/config';
import { runUntilSignal } from '@qn/runtime';
import { startAllInOne } from './start-all-in-one';

async function main() {
  const config = loadConfigOrExit();
  const aio = await startAllInOne(config);
  aio.rt.logger.info({ url: aio.url }, 'Quartiersnetz all-in-one started');
  runUntilSignal(aio.rt.logger, aio.stop);
}
void main();
