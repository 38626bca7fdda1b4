import { glob, type Loader } from 'astro/loaders';
import { assertValidReportsFolder } from './disk.ts';
import { getReportsDir } from './paths.ts';

/** Loads one entry per report from <reports>/<report-id>/report.yaml; the folder name is the id. */
export function reportsLoader(): Loader {
  const base = getReportsDir();
  const inner = glob({ base, pattern: '*/report.yaml', generateId: ({ entry }) => entry.split('/')[0] ?? entry });
  return {
    name: 'reports-loader',
    // Validate the whole folder first: Astro's own schema errors name the entry id, not the file.
    load: async (context) => {
      assertValidReportsFolder(base);
      await inner.load(context);
    },
  };
}
