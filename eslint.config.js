// Lint: JavaScript, TypeScript and Svelte recommended rules, type-aware where it is cheap.
// Run as `npm run lint`, part of `npm test`.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'static/', 'scratch/', 'test-results/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Links are built by one helper that already adds the base path (src/lib/url/links.ts).
      'svelte/no-navigation-without-resolve': 'off',
      // Local Sets, Maps and URLSearchParams that never feed the template need no reactivity.
      'svelte/prefer-svelte-reactivity': 'off',
      // TypeScript checks names; ESLint's own check does not know ambient types such as GeoJSON.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
);
