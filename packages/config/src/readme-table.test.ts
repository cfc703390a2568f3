import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from './schema';

it('documents every configuration variable in the README', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const missing = Object.keys(configSchema.shape).filter((k) => !readme.includes(`\`${k}\``));
  expect(missing).toEqual([]);
});
