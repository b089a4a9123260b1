import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const appsPattern = { group: ['**/apps/**'], message: 'libs never import apps' };

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', '.cache/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appsPattern] }] },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            appsPattern,
            {
              group: [
                '@nestjs/*',
                '@gongjian/*',
                'better-sqlite3',
                'mongodb',
                'bullmq',
                'node:fs',
                'fs',
              ],
              message: 'libs/domain is pure: no Nest, no store, no I/O',
            },
          ],
        },
      ],
    },
  },
);
