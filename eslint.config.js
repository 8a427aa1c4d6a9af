// Lint: the layout rules of DESIGN §3, enforced rather than remembered, plus two checks
// that catch real bugs (unused code; a promise nobody awaits or handles).
//
// Boundaries are import rules per folder. Imports in this project are relative, with the
// `.ts` extension and no path aliases, so a specifier that climbs out of its folder into
// `node/`, `client/` or `scripts/` is recognised by its text (`../node/paths.ts`,
// `../../../scripts/ingest/x.ts`, `../../src/client/x.ts`). Static imports, re-exports and
// `import type` are checked by no-restricted-imports; dynamic `import('…')` by
// no-restricted-syntax, built from the same table. tests/lint/boundaries.test.ts shows
// each rule firing.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const DESIGN = '(DESIGN §3)';
/** A forbidden import: `regex` is matched against the specifier as written. */
const forbid = (regex, message) => ({ regex, message: `${message} ${DESIGN}` });

// node:* and the bare names (fs, path, child_process …, with subpaths such as fs/promises).
const bareBuiltins = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_') && !m.includes('/'));
const NODE_BUILTIN = `^(node:|(${bareBuiltins.join('|')})(/|$))`;
const NODE_ONLY_PACKAGE = '^(@duckdb/node-api|sharp)(/|$)';

const SCRIPTS = forbid('^(\\.\\./)+scripts/', 'src/ must not import scripts/: move what both need to src/lib/ (pure) or src/node/ (Node)');

const BOUNDARIES = {
  // Isomorphic and pure: runs at build time in Node and in the browser.
  lib: [
    forbid('^(\\.\\./)+(src/)?node/', 'src/lib is isomorphic: it must not import src/node/'),
    forbid('^(\\.\\./)+(src/)?client/', 'src/lib is isomorphic: it must not import src/client/'),
    forbid(NODE_BUILTIN, 'src/lib is isomorphic: it must not import Node modules'),
    forbid('^(@duckdb/|sharp(/|$))', 'src/lib is pure: no DuckDB or other engine here; src/node/ and src/client/ run the queries'),
    SCRIPTS,
  ],
  // Browser only.
  client: [
    forbid('^(\\.\\./)+(src/)?node/', 'browser code (src/client/, an .astro <script>) must not import src/node/ (build time, Node)'),
    forbid(NODE_BUILTIN, 'browser code (src/client/, an .astro <script>) must not import Node modules'),
    forbid(NODE_ONLY_PACKAGE, 'browser code (src/client/, an .astro <script>) must not import Node-only packages'),
    SCRIPTS,
  ],
  // Build-time data access (and src/content.config.ts).
  node: [SCRIPTS],
  // Pages, components, layouts render what src/node/ reads: never the warehouse or DuckDB themselves.
  site: [
    forbid('^@duckdb/', 'pages, components and layouts must not open DuckDB: read data through src/node/ (published-data.ts) or src/client/'),
    SCRIPTS,
  ],
  // Node CLIs and the engine: src/lib/ (and src/node/) yes, browser code no.
  scripts: [forbid('^(\\.\\./)+src/client/', 'scripts/ must not import src/client/ (browser only)')],
};

// esquery regexes cannot contain "/": it is written \x2F.
const esquery = (regex) => regex.replaceAll('/', '\\x2F');

function boundaries(list) {
  return {
    'no-restricted-imports': ['error', { patterns: list.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      ...list.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${esquery(regex)}/]`, message })),
    ],
  };
}

// Globals a folder must not touch (TypeScript checks src/lib the same way: src/lib/tsconfig.json).
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global', 'setImmediate'];
const DOM_GLOBALS = ['document', 'window', 'navigator', 'location', 'localStorage', 'customElements', 'HTMLElement'];
const restrictGlobals = (names, message) => names.map((name) => ({ name, message: `${message} ${DESIGN}` }));

const CODE = ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'];
// The files tsconfig.json covers (pages, components and layouts are compiled by Astro).
const TYPED = ['src/lib/**/*.ts', 'src/node/**/*.ts', 'src/client/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'data/', 'content/', 'public/', 'coverage/', 'bench-results/', '**/*.d.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { files: CODE, languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } },
  // .astro files: the frontmatter and each <script> (parsed as TypeScript).
  ...astro.configs['flat/base'],
  {
    files: [...CODE, '**/*.astro'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Dead since "anything else is config" (rule 9), but any edit to paths.ts changes the
    // classifier version (curated-lists.ts hashes it) and makes every warehouse stale:
    // remove it with the next real classifier change.
    files: ['scripts/classify/path-kind.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^(_|CONFIG_EXTS$)' }] },
  },
  // Type-aware: a promise neither awaited, returned nor handled hides its failure.
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Boundaries, one folder at a time (a file matches one of these at most).
  {
    files: ['src/lib/**'],
    rules: {
      ...boundaries(BOUNDARIES.lib),
      'no-restricted-globals': [
        'error',
        ...restrictGlobals(NODE_GLOBALS, 'a Node global: src/lib is isomorphic'),
        ...restrictGlobals(DOM_GLOBALS, 'a browser global: src/lib is isomorphic; browser code goes in src/client/'),
      ],
    },
  },
  {
    files: ['src/client/**'],
    rules: { ...boundaries(BOUNDARIES.client), 'no-restricted-globals': ['error', ...restrictGlobals(NODE_GLOBALS, 'a Node global: src/client/ runs in the browser')] },
  },
  { files: ['src/node/**', 'src/*.ts'], rules: boundaries(BOUNDARIES.node) },
  { files: ['src/pages/**', 'src/components/**', 'src/layouts/**'], rules: boundaries(BOUNDARIES.site) },
  // A <script> in an .astro file is bundled for the browser: the rules of src/client/.
  {
    files: ['src/**/*.astro/*.ts', 'src/**/*.astro/*.js'],
    rules: { ...boundaries(BOUNDARIES.client), 'no-restricted-globals': ['error', ...restrictGlobals(NODE_GLOBALS, 'a Node global: a <script> runs in the browser')] },
  },
  { files: ['scripts/**'], rules: boundaries(BOUNDARIES.scripts) },
);
