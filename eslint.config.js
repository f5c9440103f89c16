// @ts-check
// Lint catches defects and guards the folder boundaries of docs/architecture.md
// ("Rules and how they are checked"). Layout is the formatter's business: no rule here
// fires on style alone.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**'];

// ---- boundaries ------------------------------------------------------------------------
// Flat config replaces (does not merge) a rule's options when two blocks match a file, so
// each folder's block lists every import restriction that holds there, built from these.

/** Ids are made by platform/ids.ts (UUIDv7); nothing else draws one. */
const ID_IMPORTS = {
  paths: [{ name: 'node:crypto', importNames: ['randomUUID'], message: 'Ids come from src/platform/ids.ts (newId).' },
    { name: 'crypto', importNames: ['randomUUID'], message: 'Ids come from src/platform/ids.ts (newId).' }],
  patterns: [{ regex: '^uuid(/|$)', message: 'Ids come from src/platform/ids.ts (newId).' }],
};
/** `sql` and the rest of Kysely's values; `import type` stays allowed (a transaction's type). */
const KYSELY_VALUES = {
  paths: [{ name: 'kysely', allowTypeImports: true, message: 'Only db/ and the domain write SQL: call a domain command or a *.queries.ts function.' }],
  patterns: [],
};
const BELOW_DOMAIN = {
  paths: [],
  patterns: [{ regex: '^(\\.\\./)+(domain|http|cli)(/|$)', message: 'db/ and platform/ sit below the domain: they never import it, nor http or cli.' }],
};
const DOMAIN_IMPORTS = {
  paths: [],
  patterns: [
    { regex: '^(\\.\\./)+(http|cli)(/|$)', message: 'The domain never imports http or cli: a command takes (ctx, input), never a request.' },
    { regex: '(^|/)web/', message: 'The domain never imports the web app.' },
    { regex: '^(fastify|@fastify/|commander$)', message: 'The domain never imports a transport framework.' },
  ],
};
const WEB_IMPORTS = {
  paths: [],
  patterns: [
    { regex: '(^|/)src/(domain|http|cli|db|platform)(/|$)|(^|/)src/config(\\.ts)?$', message: 'The web app talks to the server only through /api/v1 (web/src/api).' },
    { regex: '^(node:|kysely$|pg$|@electric-sql/|fastify$|@fastify/)', message: 'The web app runs in the browser: no server packages.' },
  ],
};

/** One no-restricted-imports setting from several restriction sets. */
const imports = (...sets) => ['error', {
  paths: sets.flatMap((s) => s.paths),
  patterns: sets.flatMap((s) => s.patterns),
}];

/** Where http and cli could write SQL: Kysely's builders, the `sql` tag, a raw connection. */
const NO_SQL_HERE = [
  { selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom|withConnection)$/]",
    message: 'http and cli never write SQL: call a domain command or a *.queries.ts function.' },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'http and cli never write SQL.' },
  { selector: "CallExpression[callee.property.name=/^(query|exec)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message: 'http and cli never write SQL: no raw statements either.' },
];
/** Ids drawn from the global Web Crypto object. */
const NO_GLOBAL_UUID = [
  { selector: "CallExpression[callee.object.name='crypto'][callee.property.name='randomUUID']", message: 'Ids come from src/platform/ids.ts (newId).' },
];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'data/**', '.bench/**', 'web/src/api/schema.d.ts'],
  },
  // Some files still carry `eslint-disable no-control-regex` from before; that rule is off (below).
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked with its own tsconfig: the root one, or web/tsconfig.json under web/.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise handed where nothing awaits it (an event handler, a void callback) loses its rejection.
      '@typescript-eslint/no-misused-promises': 'error',
      // tsc already refuses unused locals and parameters (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // Style, not defects: an async function without await, an assertion tsc finds redundant.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Sanitisers match control characters on purpose (names, CSV cells, file names, iCalendar).
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read JSON bodies (`any`) and poke at them; type safety there is the assertions' job.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },

  // ---- boundaries, folder by folder (tests may cross layers to set up and observe) -------
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': imports(ID_IMPORTS),
      'no-restricted-syntax': ['error', ...NO_GLOBAL_UUID],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': imports(ID_IMPORTS, DOMAIN_IMPORTS) },
  },
  {
    files: ['src/db/**/*.ts', 'src/platform/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': imports(ID_IMPORTS, BELOW_DOMAIN),
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': imports(ID_IMPORTS, KYSELY_VALUES),
      'no-restricted-syntax': ['error', ...NO_GLOBAL_UUID, ...NO_SQL_HERE],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': imports(ID_IMPORTS, WEB_IMPORTS) },
  },
  // The two places allowed to draw a UUID: ids.ts itself, and Fastify's request id (a
  // correlation id for logs and audit events, never a row's key).
  {
    files: ['src/platform/ids.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': imports(BELOW_DOMAIN) },
  },
  {
    files: ['src/http/server.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': imports(KYSELY_VALUES) },
  },

  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
