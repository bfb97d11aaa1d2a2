import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests that need the machine to themselves, run by `npm run test:e2e`, one
 * file at a time: ratios of timings (linearity), kills at a few milliseconds,
 * file watching with its debounce, the package installed from its tarball,
 * the CI workflow replayed. Everything else is `npm test`, a file per core.
 */
const ALONE = ['tests/linearity.test.ts', 'tests/kill.test.ts', 'tests/watch.test.ts', 'tests/package.test.ts', 'tests/workflow.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/setup/bundledFontsOnly.ts'],
    // A guard against a hang, not a measure of speed (that is `npm run bench`): a test that runs
    // three builds took over 60 s in CI with two files sharing two slow cores.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    projects: [
      // vitest's default is one file fewer than the cores: one at a time on a 2-core machine, whose second core then idles while a test waits on the CLI.
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ALONE, maxWorkers: availableParallelism() } },
      { extends: true, test: { name: 'e2e', include: ALONE, maxWorkers: 1 } },
    ],
  },
});
