import { glob, type Loader } from 'astro/loaders';
import { assertValidReportsFolder, listReportsFolderWarnings } from './disk.ts';
import { getReportsDir } from './paths.ts';

/**
 * Loads one MDX entry per problem from <reports>/<report-id>/issues/*.mdx. The folder is validated
 * first, schemas and cross-entry checks together, so every error names its file and field (once per
 * build: the reports loader's validation of the unchanged folder is reused).
 */
export function issuesLoader(): Loader {
  const base = getReportsDir();
  const inner = glob({
    base,
    pattern: '*/issues/*.mdx',
    generateId: ({ entry }) => entry.replace(/\/issues\//u, '/').replace(/\.mdx$/u, ''),
  });
  return {
    name: 'issues-loader',
    load: async (context) => {
      assertValidReportsFolder(base);
      for (const warning of listReportsFolderWarnings(base)) context.logger.warn(warning);
      await inner.load(context);
    },
  };
}
