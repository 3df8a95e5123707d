import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against sources through the `@persona/source` export condition
// (mirrored in tsconfig.base.json `customConditions`).
const project = (name: string, root: string) => ({
  extends: true as const,
  test: { name, root: here(root), include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});

export default defineConfig({
  ssr: { resolve: { conditions: ['@persona/source'] } },
  resolve: { conditions: ['@persona/source'] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      project('core', 'libs/core'),
      project('census', 'libs/census'),
      project('raking', 'libs/raking'),
      project('aggregation', 'libs/aggregation'),
      project('metrics', 'libs/metrics'),
      project('traits', 'libs/traits'),
      project('personas', 'libs/personas'),
      project('cli', 'apps/cli'),
      { extends: true as const, test: { name: 'e2e', root: here('tests'), include: ['**/*.test.ts'] } },
    ],
  },
});
