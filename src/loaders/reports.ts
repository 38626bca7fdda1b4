import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadValidReportsFolder } from './disk.ts';
import { getReportsDir, getStoreFilePath } from './paths.ts';

/**
 * Loads one entry per report from <reports>/<report-id>/report.yaml; the folder name is the id. The entries come
 * from the folder as read (and validated) once per build for both collections, so each file is parsed once and
 * every error names its file and field.
 */
export function reportsLoader(): Loader {
  const base = getReportsDir();
  return {
    name: 'reports-loader',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const fill = async () => {
        const { reports } = loadValidReportsFolder(base);
        store.clear();
        for (const report of reports) {
          const filePath = getStoreFilePath(path.join(base, report.id, 'report.yaml'));
          const data = await parseData({ id: report.id, data: report.data, filePath });
          store.set({ id: report.id, data, filePath, digest: generateDigest(data) });
        }
      };
      await fill();
      // The dev server reloads the reports when a report.yaml changes, as Astro's glob() loader does.
      watcher?.add(base);
      watcher?.on('all', (_event, file) => {
        if (file.startsWith(base) && file.endsWith('report.yaml')) void fill();
      });
    },
  };
}
