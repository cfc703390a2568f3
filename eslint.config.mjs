import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
