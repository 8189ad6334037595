// Generates dist/custom-elements.json from the elements' JSDoc (@summary, @slot, @event, @csspart, @cssproperty …).
export default {
  globs: ['components/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
};
