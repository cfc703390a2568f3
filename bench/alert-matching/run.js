// Entry: node --expose-gc bench/alert-matching/run.js [sizes...]
// Loads the TypeScript sources through swc (as the tests' child processes do) and runs bench.ts.
require('../../test/funding/support/ts-register.js');
require('./bench.ts');
