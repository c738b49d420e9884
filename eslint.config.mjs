// ESLint flat config: typescript-eslint's recommended rules, React hooks in the pane, and no import
// of a package that package.json does not list (a clean `npm ci` must have everything we import).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-wps/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, includeTypes: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      // Our thrown errors are messages for people that replace a library's error on purpose.
      'preserve-caught-error': 'off',
    },
  },
  {
    files: ['addin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Files that run in the pane's test page or are loaded by Node directly as CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The fake Excel mirrors Office.js proxy objects, whose methods close over their owner.
    files: ['test/browser/*.js'],
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
);
