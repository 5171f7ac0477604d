import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'test/golden',
      '.cache',
      'out',
      'conformance/work',
      'bench/results',
      // the hello worlds of bench:stubs build with their own toolchains and settings
      'bench/stubs-baseline',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core is pure: the CLI, the tests, a worker and the app all run it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
            { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no store.' },
            {
              group: ['@xyflow/*', 'jszip', 'monaco-editor', 'monaco-editor/*'],
              message: 'src/core is pure: no UI or zip library.',
            },
            {
              group: ['node:*', 'fs', 'path', 'child_process'],
              message: 'src/core runs in the browser too: no Node built-ins.',
            },
            { group: ['**/app/**', '**/ui/**', '**/cli/**'], message: 'src/core imports nothing from app, ui or cli.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**'], message: 'src/app does not import from src/ui.' }] },
      ],
    },
  },
);
