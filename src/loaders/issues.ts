import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { assertValidReportsFolder, listReportsFolderWarnings, splitFrontmatter } from './disk.ts';
import { getReportsDir } from './paths.ts';

/**
 * Loads one entry per problem from <reports>/<report-id>/issues/*.mdx: its frontmatter as data and its body as
 * text. The folder is validated first, schemas and cross-entry checks together, so every error names its file and
 * field (once per build: the reports loader's validation of the unchanged folder is reused).
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
      assertValidReportsFolder(base);
      for (const warning of listReportsFolderWarnings(base)) logger.warn(warning);
      store.clear();
      for (const report of readdirSync(base).sort()) {
        const folder = path.join(base, report, 'issues');
        let names: string[];
        try {
          names = readdirSync(folder).filter((name) => name.endsWith('.mdx'));
        } catch {
          continue;
        }
        for (const name of names.sort()) {
          const file = path.join(folder, name);
          const source = readFileSync(file, 'utf8');
          // Validation above has checked that every file has a frontmatter block.
          const parts = splitFrontmatter(source)!;
          const id = `${report}/${name.replace(/\.mdx$/u, '')}`;
          const filePath = path.relative(process.cwd(), file).split(path.sep).join('/');
          const data = await parseData({ id, data: parse(parts.frontmatter) as Record<string, unknown>, filePath });
          store.set({ id, data, body: parts.body, filePath, digest: generateDigest(source) });
        }
      }
    },
  };
}
