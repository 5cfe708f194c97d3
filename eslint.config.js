import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'module',
  'worker_threads',
  'stream',
  'buffer',
  'util',
];

/** What the renderer, a web page, may never import. */
const rendererFence = [
  {
    group: ['electron', 'electron/*', ...nodeBuiltins],
    message: 'The renderer is a web page: no Node or Electron modules.',
  },
  { group: ['**/electron/**'], message: 'Ask main over IPC instead.' },
];

/** import() slips past no-restricted-imports: the renderer imports statically only. */
const noDynamicImport = { selector: 'ImportExpression', message: 'No dynamic import() in the renderer.' };

/** What a component may not do: call main itself (its feature's hooks and modules do, lib/use-action.ts keeps their busy and error state). */
const componentCalls = [
  {
    selector:
      ':matches(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration)[source.value=/(^|\\/)lib\\/ipc$/]',
    message: "A component calls main through its feature's hooks, not lib/ipc.",
  },
  {
    selector: "ImportSpecifier[imported.name='callAsManager']",
    message: "A component calls main through its feature's hooks, not callAsManager.",
  },
];

/** What no file in electron/core may import: Electron, or the shells, simulator and composition around core. */
const coreFence = [
  { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' },
  {
    group: ['**/training/**', '**/compose/**', '**/host/**', '**/main/**', '**/preload/**'],
    message: 'Core is composed in electron/compose; it imports none of the shells or the simulator.',
  },
];

/** Core's layers: the groups each group may NOT import (app, the top, imports them all). */
const coreLayers = {
  platform: ['toss', 'orders', 'shop', 'money', 'records', 'app'],
  toss: ['orders', 'shop', 'money', 'records', 'app'],
  orders: ['toss', 'shop', 'money', 'records', 'app'],
  shop: ['money', 'records', 'app'],
  money: ['records', 'app'],
  records: ['money', 'app'],
};

/** Inside money and records, the sibling domains each domain MAY import; all others are refused. */
const coreDomains = {
  money: { sale: ['discount', 'coupons'], coupons: ['discount'], discount: [], payment: [], cash: [], refund: [] },
  records: { history: [], day: [] },
};

/**
 * A path from anywhere in core into core/<group> (or core/<group>/<domain>), at any depth:
 * '../orders/order-book', '../../records/history/history-service', '../records', '../cash/x' (from
 * a sibling domain), or any path through '…/core/<group>/'. A regex, so `import type` and
 * `export … from` are caught as well (no-restricted-imports does not tell them apart).
 */
const intoCore = (group, domain) =>
  domain
    ? `^(\\.\\./)+(${group}/)?${domain}(/|$)|(^|/)core/${group}/${domain}(/|$)`
    : `^(\\.\\./)+${group}(/|$)|(^|/)core/${group}(/|$)`;

const refusedGroups = (group) =>
  (coreLayers[group] ?? []).map((other) => ({
    regex: intoCore(other),
    message: `core/${group} may not import core/${other}: platform < toss, orders < shop < money, records < app.`,
  }));

/** A later block's no-restricted-imports replaces an earlier one's, so each block repeats coreFence. */
const coreBlock = (files, refused) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...coreFence, ...refused] }] },
});

const coreLayerBlocks = [
  ...Object.keys(coreLayers).map((group) => coreBlock([`electron/core/${group}/**`], refusedGroups(group))),
  ...Object.entries(coreDomains).flatMap(([group, domains]) =>
    Object.entries(domains).map(([domain, allowed]) =>
      coreBlock(
        [`electron/core/${group}/${domain}/**`],
        [
          ...refusedGroups(group),
          ...Object.keys(domains)
            .filter((other) => other !== domain && !allowed.includes(other))
            .map((other) => ({
              regex: intoCore(group, other),
              message: `core/${group}/${domain} may not import core/${group}/${other}: of ${group}'s other domains it may import ${allowed.join(' and ') || 'none'}.`,
            })),
        ],
      ),
    ),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.stryker-tmp*/**',
      'reports/**',
    ],
  },
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only electron/main and electron/preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  // Core is composed from outside: it never reaches up for the simulator, a shell or the composition.
  coreBlock(['electron/core/**'], []),
  // import() and require() slip past no-restricted-imports, so core imports statically only.
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'No dynamic import() in core: a static import is one the layer fence can see.',
        },
        {
          selector: 'TSImportType',
          message: "No import('…') types in core: use `import type`, which the layer fence can see.",
        },
        {
          selector: "TSImportEqualsDeclaration[moduleReference.type='TSExternalModuleReference']",
          message: 'No `import x = require()` in core: use import, which the layer fence can see.',
        },
        {
          selector: "CallExpression[callee.name='require']",
          message: 'No require() in core: use import, which the layer fence can see.',
        },
      ],
    },
  },
  // Core's layers and, inside money and records, its domains (coreLayers, coreDomains above).
  ...coreLayerBlocks,
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', ...nodeBuiltins],
              message: 'shared/ is pure: no Electron, no Node built-ins.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
          ],
        },
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
      'no-restricted-syntax': ['error', noDynamicImport],
      'no-restricted-globals': ['error', 'require', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'pos', message: 'Only renderer/src/lib/ipc.ts talks to main.' },
      ],
    },
  },
  // Features meet only through each other's index.ts: what a feature does not export stays its own.
  // Nor do they import the shell in app/ that builds them.
  {
    files: ['renderer/src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererFence,
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/.+',
              message: 'Import another feature through its index.ts (../feature), not its files.',
            },
            {
              regex: '^(\\.\\./)+app(/|$)',
              message:
                'A feature does not import the shell (renderer/src/app); what features share lives in session/, ui/, lib/ or i18n/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'renderer/src/app/**',
      'renderer/src/session/**',
      'renderer/src/ui/**',
      'renderer/src/lib/**',
      'renderer/src/i18n/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererFence,
            {
              regex: '^\\.\\./features/[^/]+/.+',
              message: 'Import a feature through its index.ts (../features/x), not its files.',
            },
          ],
        },
      ],
    },
  },
  // Components call main only through hooks and modules (this replaces the renderer block's list, so it repeats noDynamicImport).
  {
    files: ['renderer/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', noDynamicImport, ...componentCalls] },
  },
  { files: ['renderer/src/lib/ipc.ts'], rules: { 'no-restricted-properties': 'off' } },
);
