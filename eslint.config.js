import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'module', 'worker_threads', 'stream', 'buffer', 'util'];

/** What the renderer, a web page, may never import. */
const rendererFence = [
  { group: ['electron', 'electron/*', ...nodeBuiltins], message: 'The renderer is a web page: no Node or Electron modules.' },
  { group: ['**/electron/**'], message: 'Ask main over IPC instead.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The fence: business code and the shared contract never touch Electron, so they run (and are
  // tested) in plain Node; only the thin shell in electron/main and electron/preload may.
  {
    files: ['electron/core/**', 'electron/training/**', 'electron/host/**', 'electron/compose/**', 'shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' }] }],
    },
  },
  // Core is composed from outside: it never reaches up for the simulator, a shell or the composition.
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' },
            { group: ['**/training/**', '**/compose/**', '**/host/**', '**/main/**', '**/preload/**'], message: 'Core is composed in electron/compose; it imports none of the shells or the simulator.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*', ...nodeBuiltins], message: 'shared/ is pure: no Electron, no Node built-ins.' }, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' }] },
      ],
    },
  },
  // The renderer is an untrusted web page: no Node, no Electron, no main-process code.
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererFence }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'No dynamic import() in the renderer.' }],
      'no-restricted-globals': ['error', 'require', 'process'],
      'no-restricted-properties': ['error', { object: 'window', property: 'pos', message: 'Only renderer/src/lib/ipc.ts talks to main.' }],
    },
  },
  // Features meet only through each other's index.ts: what a feature does not export stays its own.
  {
    files: ['renderer/src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererFence, { regex: '^\\.\\./(?!\\.\\.)[^/]+/.+', message: 'Import another feature through its index.ts (../feature), not its files.' }] },
      ],
    },
  },
  {
    files: ['renderer/src/app/**', 'renderer/src/ui/**', 'renderer/src/lib/**', 'renderer/src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererFence, { regex: '^\\.\\./features/[^/]+/.+', message: 'Import a feature through its index.ts (../features/x), not its files.' }] },
      ],
    },
  },
  { files: ['renderer/src/lib/ipc.ts'], rules: { 'no-restricted-properties': 'off' } },
);
