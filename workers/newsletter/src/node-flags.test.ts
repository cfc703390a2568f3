import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingNodeFlags, NODE_FLAGS } from './node-flags';

/** Every way the worker is started in production passes its heap flags. */
describe('newsletter worker node flags', () => {
  it('are in the package start script and in the compose command', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(missingNodeFlags(pkg.scripts.start.split(' '))).toEqual([]);
    const compose = readFileSync(join(__dirname, '../../../infra/docker-compose.yml'), 'utf8');
    const line = compose.split('\n').find((l) => l.trimStart().startsWith('worker-newsletter:'))!;
    expect(missingNodeFlags((line.match(/"([^"]+)"/g) ?? []).map((s) => s.slice(1, -1)))).toEqual([]);
  });

  it('reports what a command line lacks', () => {
    expect(missingNodeFlags([])).toEqual([...NODE_FLAGS]);
    expect(missingNodeFlags([...NODE_FLAGS, '--inspect'])).toEqual([]);
  });
});
