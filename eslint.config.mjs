// Lint rules for every workspace: the recommended TypeScript set, with formatting left to Prettier.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The SPA's layers (bulletproof-react): shared code (components, lib) <- features <- app.
// A feature never reaches into another; what two features need moves to components or lib.
const spa = 'frontend/src';
const features = readdirSync(join(import.meta.dirname, spa, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const spaLayers = [
  ...features.map((feature) => ({
    target: `${spa}/features/${feature}`,
    from: `${spa}/features`,
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move what both need to src/components or src/lib.',
  })),
  {
    target: [`${spa}/components`, `${spa}/lib`],
    from: [`${spa}/features`, `${spa}/app`],
    message: 'Shared code (src/components, src/lib) does not import features or the app.',
  },
  { target: `${spa}/features`, from: `${spa}/app`, message: 'Features do not import the app; the app composes them.' },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'test-artifacts/**', '.tools/**', '.nx/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: [`${spa}/**/*.{ts,tsx}`],
    plugins: { 'import-x': importX },
    settings: {
      // Without resolving extensionless paths to .ts/.tsx the rule would see no import at all.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: spaLayers }] },
  },
  {
    // Test helpers poke at loosely typed HTTP bodies.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
