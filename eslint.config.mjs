import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layering of docs/architecture.md, checked. Flat config replaces a rule's options per block
// instead of merging them, so each folder's block lists every restriction that applies to it.
const noShellImports = [
  {
    group: ['@qn/service-*', '@qn/all-in-one', '**/services/**'],
    message: 'Packages and workers never import services.',
  },
];
const noWorkerImports = [
  { group: ['@qn/worker-*', '**/workers/**'], message: 'Packages never import workers.' },
];
const noTransportImports = [
  {
    group: ['express', 'express/*'],
    message: 'Domain packages stay free of HTTP: map results in the service.',
  },
  {
    group: ['bullmq', 'bullmq/*'],
    message: 'Domain packages reach queues only through the Producer of @qn/queue.',
  },
];
const domainPackages = ['events', 'funding', 'newsletter', 'calendar', 'privacy', 'domain'].map(
  (d) => `packages/${d}/**`,
);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @qn/config.' },
      ],
    },
  },
  {
    // Config parsing, test harness and entry scripts are the places allowed to read the environment.
    files: ['packages/config/**', 'packages/testing/**', 'infra/**', '**/*.test.ts', 'bench/**', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['workers/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: noShellImports }] },
  },
  {
    files: ['packages/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noShellImports, ...noWorkerImports] }] },
  },
  {
    files: domainPackages,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noShellImports, ...noWorkerImports, ...noTransportImports] },
      ],
    },
  },
);
