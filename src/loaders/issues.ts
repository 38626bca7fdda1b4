import { glob, type Loader } from 'astro/loaders';
import type { IssueEntry } from '../lib/entries.ts';
import { formatCollectionProblems, validateCollection } from '../lib/validate.ts';
import type { IssueData } from '../schemas/issue.ts';
import { getReportsDir } from './paths.ts';
import { readReportsFromDisk } from './reports.ts';

/** Loads one MDX entry per problem from <reports>/<report-id>/issues/*.mdx, then runs the cross-entry checks. */
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
      await inner.load(context);
      const issues: IssueEntry[] = [...context.store.values()].map((entry) => ({
        id: entry.id,
        data: entry.data as IssueData,
        body: entry.body,
        filePath: entry.filePath,
      }));
      const { reports, errors } = readReportsFromDisk(base);
      const problems = formatCollectionProblems(validateCollection(reports, issues));
      const message = [...errors, problems].filter(Boolean).join('\n');
      if (message) throw new Error(`The content collection is invalid:\n${message}`);
    },
  };
}
