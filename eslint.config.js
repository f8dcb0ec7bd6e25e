// @ts-check
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

/** The import layering of DESIGN.md, enforced as errors. */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' };
const electronPkg = { name: 'electron', message: 'Only electron/main/app and the preload may import electron.' };
const electronDir = { group: ['**/electron/**', '../electron/*'], message: 'This layer may not import the Electron side.' };
const rendererDir = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const uiLibs = [
  { name: 'vue', message: 'shared/ is pure: no UI libraries.' },
  { name: 'pinia', message: 'shared/ is pure: no UI libraries.' },
];
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

/*
 * The renderer is arranged by use (renderer/README.md): common/ is imported by all and imports none of
 * them; app/ (the frame, start and profile screens) sits on common; the referral letter composer is
 * shared by the consultation and the review and imports neither; the review area loads on first use,
 * so outside it only its addresses (review/routes.ts) are imported statically.
 */
const rendererUse = (use, why) => ({ group: [`**/${use}/**`], message: why });
const reviewArea = {
  group: ['**/review/**', '!**/shared/review/**', '!**/review/routes.ts'],
  message: 'The review area loads on first use: outside it, import only its addresses (review/routes.ts).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.stryker-tmp/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  { files: ['shared/**'], rules: restrict([electronPkg, ...uiLibs], [nodeBuiltins, electronDir, rendererDir]) },
  { files: ['renderer/**'], rules: restrict([electronPkg], [nodeBuiltins, electronDir]) },
  { files: ['renderer/src/**'], ignores: ['renderer/src/review/**'], rules: restrict([electronPkg], [nodeBuiltins, electronDir, reviewArea]) },
  {
    files: ['renderer/src/common/**'],
    rules: restrict([electronPkg], [
      nodeBuiltins,
      electronDir,
      ...['app', 'consultation', 'referral', 'review'].map((use) => rendererUse(use, 'common/ is shared by every use and imports none of them.')),
    ]),
  },
  {
    files: ['renderer/src/app/**'],
    rules: restrict([electronPkg], [
      nodeBuiltins,
      electronDir,
      reviewArea,
      ...['consultation', 'referral'].map((use) => rendererUse(use, 'The app frame does not import a use; App.vue puts them together.')),
    ]),
  },
  {
    files: ['renderer/src/referral/**'],
    rules: restrict([electronPkg], [
      nodeBuiltins,
      electronDir,
      ...['app', 'consultation', 'review'].map((use) => rendererUse(use, 'The referral composer serves the consultation and the review: it imports neither (they pass it what it needs).')),
    ]),
  },
  { files: ['electron/main/**'], rules: restrict([], [rendererDir]) },
  {
    files: ['electron/main/**'],
    ignores: ['electron/main/app/**', 'electron/main/index.ts'],
    rules: restrict([electronPkg], [rendererDir]),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict([], [
      nodeBuiltins,
      rendererDir,
      { group: ['../main/**', '**/shared/clinical/**'], message: 'The preload only bridges shared/api.' },
    ]),
  },
  { files: ['electron/cli/**'], rules: restrict([electronPkg], [rendererDir]) },
  // The npm scripts' preflight is CommonJS so that an old Node can run it and say what is needed.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
