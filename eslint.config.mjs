import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Each library's declared dependencies: a library may import only these (and itself). The platform
 * depends on no capability; capabilities depend one way (children first); the web application reads
 * through GraphQL, importing only the platform and the few pure rules it shows before saving.
 */
const LIBRARY_DEPENDENCIES = {
  platform: [],
  children: ['platform'],
  'age-assessment': ['platform', 'children'],
  guardianship: ['platform', 'children'],
  placements: ['platform', 'children', 'age-assessment'],
  missing: ['platform', 'children', 'placements'],
  'durable-solutions': ['platform', 'children'],
  meetings: ['platform', 'children'],
  alerts: ['platform', 'children', 'age-assessment', 'guardianship', 'placements'],
  statistics: ['platform', 'children', 'guardianship', 'placements'],
  web: ['platform', 'age-assessment', 'placements', 'statistics'],
};

export default tseslint.config(
  {
    ignores: [
      'libs/web/src/graphql/generated.ts',
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'eslint.config.mjs',
      'jest.config.js',
      'test/support/summary-reporter.js',
      'test/support/postgres-controller.js',
      'scripts/build-if-stale.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Error'][arguments.0.type='Literal']",
          message: 'Expected outcomes are HavenErrors with a code (errors/haven-error.ts), not plain Errors.',
        },
      ],
    },
  },
  {
    // the boundaries between libraries, as declared above; apps may use any library
    files: ['libs/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [{ type: 'lib', pattern: 'libs/*', capture: ['name'] }],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(LIBRARY_DEPENDENCIES).map(([name, dependencies]) => ({
            from: { element: { type: 'lib', captured: { name } } },
            allow: [name, ...dependencies].map((dependency) => ({
              to: { element: { type: 'lib', captured: { name: dependency } } },
            })),
          })),
        },
      ],
    },
  },
  {
    // the benchmark is a tool beside the service: its failures are for the person running it
    files: ['apps/bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // the web application's scripts run in the browser, as modules, untyped
    files: ['libs/web/src/assets/**/*.js', 'test/support/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'module',
      parserOptions: { projectService: false, project: null },
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Intl: 'readonly',
        HTMLElement: 'readonly',
        URLSearchParams: 'readonly',
        FormData: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        DOMParser: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
