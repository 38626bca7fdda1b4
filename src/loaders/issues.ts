import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { loadValidReportsFolder } from './disk.ts';
import { getReportsDir, getStoreFilePath } from './paths.ts';

/**
 * Loads one entry per problem from <reports>/<report-id>/issues/*.mdx: its frontmatter as data and its body as
 * text. The entries, errors and warnings come from the folder as read once per build (src/loaders/disk.ts: schemas
 * and cross-entry checks together, so every error names its file and field).
 *
 * The bodies are read as text, never compiled: pages and decks take the measures from the body (src/lib/measures.ts)
 * and nothing renders it as MDX, so the build does not bundle one MDX module per problem (the largest part of its
 * time and memory at thousands of problems). The store is refilled on every build, so it never keeps entries of a
 * folder read before.
 */
export function issuesLoader(): Loader {
  const base = getReportsDir();
  return {
    name: 'issues-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { issues, warnings } = loadValidReportsFolder(base);
      for (const warning of warnings) logger.warn(warning);
      store.clear();
      for (const issue of issues) {
        // The id is <report-id>/<file name without .mdx>.
        const filePath = getStoreFilePath(path.join(base, path.dirname(issue.id), 'issues', `${path.basename(issue.id)}.mdx`));
        const data = await parseData({ id: issue.id, data: issue.data, filePath });
        const body = issue.body ?? '';
        store.set({ id: issue.id, data, body, filePath, digest: generateDigest(`${JSON.stringify(data)}\n${body}`) });
      }
    },
  };
}
