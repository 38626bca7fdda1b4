import { defineCollection } from 'astro:content';
import { issuesLoader } from './loaders/issues.ts';
import { reportsLoader } from './loaders/reports.ts';
import { issueSchema } from './schemas/issue.ts';
import { reportSchema } from './schemas/report.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader(), schema: reportSchema }),
  issues: defineCollection({ loader: issuesLoader(), schema: issueSchema }),
};
