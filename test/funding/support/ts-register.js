/**
 * Lets a child process `require` the TypeScript sources directly (as jest does), so a test can
 * run a real worker in a process of its own and kill it: swc strips types, and `@qn/*` resolve
 * to their `src/` folders like jest's moduleNameMapper.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  let m;
  if ((m = /^@qn\/service-(.+)$/.exec(request))) request = path.join(root, 'services', m[1], 'src');
  else if ((m = /^@qn\/worker-(.+)$/.exec(request))) request = path.join(root, 'workers', m[1], 'src');
  else if (request === '@qn/all-in-one') request = path.join(root, 'services/all-in-one/src');
  else if (request === '@qn/infra') request = path.join(root, 'infra/src');
  else if ((m = /^@qn\/(.+)$/.exec(request))) request = path.join(root, 'packages', m[1], 'src');
  return resolve.call(this, request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
