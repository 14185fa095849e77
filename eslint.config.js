// Flat config (https://eslint.org/docs/latest/use/configure/configuration-files).
// typescript-eslint `recommended` without type information keeps `npm run lint` fast; type
// errors are the job of `npm run typecheck`. `local/layers` enforces the layer table of
// docs/architecture.md section 2 (data in eslint-rules/layer-table.js).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { localPlugin } from './eslint-rules/index.js';
import { EXEMPT, LAYERED_ROOTS, LAYERS, LAYERS_DOC } from './eslint-rules/layer-table.js';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Node globals for the plain JavaScript tooling files (config, build scripts, this plugin). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'structuredClone', 'AbortController', 'TextEncoder', 'TextDecoder', 'fetch'].map(
    (name) => [name, 'readonly'],
  ),
);

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'out/', 'test/lint/fixtures/', 'playwright-report/', 'test-results/', '.data/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      // No @ts-ignore and no @ts-nocheck; @ts-expect-error only with a reason (design section 9, Conventions).
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-check': false, 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 },
      ],
      // ESC/POS commands (ESC = \x1b, GS = \x1d) and GS1 barcodes (GS as separator) are made of
      // control characters, so regular expressions over them are normal here, not typos.
      'no-control-regex': 'off',
      // `_`-prefixed names mark parameters a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Migrations see the schema as it was when they were written, not today's `Database` type, so
    // they take `Kysely<any>` as Kysely recommends (https://kysely.dev/docs/migrations).
    files: ['migrations/**/*.ts', 'src-main/core/db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    plugins: { local: localPlugin },
    files: [...LAYERED_ROOTS.map((folder) => `${folder}/**/*.{ts,tsx,js,mjs,cjs}`), 'test/lint/fixtures/**/*.{ts,tsx}'],
    rules: {
      'local/layers': ['error', { root, layers: LAYERS, layeredRoots: LAYERED_ROOTS, fixtureRoots: ['test/lint/fixtures'], exempt: EXEMPT, doc: LAYERS_DOC }],
    },
  },
);
