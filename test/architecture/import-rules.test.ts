import { execFileSync } from 'node:child_process';
import { repoRoot } from '@qn/infra';

/**
 * The layering's import rules in eslint.config.mjs, shown to refuse what they must refuse. ESLint
 * loads its config by a dynamic import, which jest's module system does not offer, so one plain
 * node process lints every sample at its would-be path.
 */
const refused: [string, string][] = [
  ['packages/events/src/x.ts', "import x from 'express';"],
  ['packages/funding/src/x.ts', "import type { Job as x } from 'bullmq';"],
  ['packages/calendar/src/x.ts', "import { Router as x } from 'express';"],
  ['packages/mail/src/x.ts', "import { x } from '@qn/service-events';"],
  ['packages/queue/src/x.ts', "import { x } from '@qn/worker-mailer';"],
  ['packages/seed/src/x.ts', "import { x } from '../../../services/web/src/index';"],
  ['workers/alerts/src/x.ts', "import { x } from '@qn/service-funding';"],
  ['workers/alerts/src/x.ts', "import { x } from '@qn/all-in-one';"],
];
const allowed: [string, string][] = [
  ['packages/queue/src/x.ts', "import { Queue as x } from 'bullmq';"],
  ['packages/http/src/x.ts', "import x from 'express';"],
  ['packages/events/src/x.ts', "import { QueueName as x } from '@qn/queue';"],
  ['workers/alerts/src/x.ts', "import { createWorker as x } from '@qn/queue';"],
  ['services/all-in-one/src/x.ts', "import { x } from '@qn/worker-mailer';"],
];

const LINT = `
import { ESLint } from 'eslint';
const samples = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = [];
for (const [filePath, code] of samples) {
  const [r] = await eslint.lintText(code + '\\nexport const used = x;\\n', { filePath });
  out.push(r.messages.some((m) => m.ruleId === 'no-restricted-imports'));
}
console.log(JSON.stringify(out));
`;

let verdicts: boolean[];
beforeAll(() => {
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', LINT, JSON.stringify([...refused, ...allowed])],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  verdicts = JSON.parse(stdout) as boolean[];
});

it.each(refused.map((s, i) => [...s, i] as const))('%s may not: %s', (_file, _code, i) => {
  expect(verdicts[i]).toBe(true);
});

it.each(allowed.map((s, i) => [...s, refused.length + i] as const))('%s may: %s', (_file, _code, i) => {
  expect(verdicts[i]).toBe(false);
});
