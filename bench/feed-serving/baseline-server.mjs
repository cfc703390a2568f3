import { createBaselineServer } from './baseline.mjs';

/** The baseline in a process of its own (BASELINE=process). */
const server = createBaselineServer({
  identityPath: process.env.BENCH_IDENTITY,
  brPath: process.env.BENCH_BR,
  headersPath: process.env.BENCH_HEADERS,
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => m === 'stop' && server.close(() => process.exit(0)));
