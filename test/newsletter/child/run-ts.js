/**
 * Runs a TypeScript entry of the repository in a plain `node` child process, the way jest runs
 * tests: swc strips the types, `@qn/*` resolves to the workspaces' src/ (jest.config.js's map).
 * The crash test needs a real process it can SIGKILL, without a prior build.
 *   node test/newsletter/child/run-ts.js test/newsletter/child/newsletter-worker-process.ts
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const map = [
  [/^@qn\/service-(.*)$/, 'services/$1/src'],
  [/^@qn\/worker-(.*)$/, 'workers/$1/src'],
  [/^@qn\/infra$/, 'infra/src'],
  [/^@qn\/all-in-one$/, 'services/all-in-one/src'],
  [/^@qn\/(.*)$/, 'packages/$1/src'],
];
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [re, target] of map) {
    if (re.test(request)) {
      request = path.join(root, request.replace(re, target));
      break;
    }
  }
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (m, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  m._compile(code, filename);
};
require(path.resolve(process.argv[2]));
