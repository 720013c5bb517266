// Lint rules, including the process layering: shared/ imports nothing platform-specific,
// electron/core never imports Electron, the renderer never imports Node built-ins.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
  'util',
  'worker_threads',
  'stream',
  'zlib',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'shared/ must not import Electron (bad layering).',
            },
            {
              group: nodeBuiltins,
              message: 'shared/ must not import Node built-ins (bad layering).',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports nothing from electron/ or renderer/ (bad layering).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The core, CLI and browser mode never import Electron (bad layering).',
            },
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/main/*'],
              message: 'Import the core, not the shell or the UI (bad layering).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer never imports Node built-ins (bad layering).',
            },
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              message: 'The renderer talks to the core only through the API client (bad layering).',
            },
          ],
        },
      ],
    },
  },
)
