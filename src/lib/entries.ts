import type { IssueData, IssueStatus } from '#src/schemas/issue.ts';
import type { ReportData } from '#src/schemas/report.ts';

/** A report as the data layer sees it: its id (folder name) and validated data. */
export interface ReportEntry {
  id: string;
  data: ReportData;
  filePath?: string | undefined;
}

/** A problem as the data layer sees it: id, validated data and the raw MDX body. */
export interface IssueEntry {
  id: string;
  data: IssueData;
  body?: string | undefined;
  filePath?: string | undefined;
  /** The line of the file where the body starts, so messages can point into the body. */
  bodyLine?: number | undefined;
}

export type { IssueStatus };
