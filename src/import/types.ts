// What the parser produces: the schemas' input shapes, so the files it renders are what the loaders read.
import type { z } from 'astro/zod';
import type { commitmentSchema, issueSchema } from '#src/schemas/issue.ts';
import type { reportSchema } from '#src/schemas/report.ts';

/** A report's metadata as written to report.yaml (the schema's input). */
export type ReportInput = z.input<typeof reportSchema>;
/** A problem's frontmatter as written to its MDX file (the schema's input). */
export type IssueInput = z.input<typeof issueSchema>;
/** A dated promise proposed for an editor to confirm. */
export type SuggestedCommitment = Omit<z.input<typeof commitmentSchema>, 'due'> & { due: string };

/** A paragraph of the source and the line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
}

/** A problem as parsed, before it is written as an MDX entry. */
export interface ParsedIssue extends Pick<IssueInput, 'title' | 'shortTitle'> {
  status: 'completed' | 'ongoing';
  number: number;
  /** The body, one string per measure paragraph, verbatim. */
  paragraphs: string[];
  /** Dated promises found in the body, for an editor to confirm. */
  suggestedCommitments: SuggestedCommitment[];
  /** The source line of its title. */
  line: number;
}

/** The report as parsed, in the shape of the reports collection. */
export interface ParsedReport {
  data: ReportInput;
  /** The report's date (成文日期), YYYY-MM-DD, as written to data.date. */
  date: string;
  issues: ParsedIssue[];
  warnings: string[];
  /** The source lines the declared totals were read from, for the summary. */
  declaredLines: { problems: number | undefined; completed: number | undefined; ongoing: number | undefined };
}

/** How the text was laid out in its source: hard-wrapped lines (PDF, text copied from a PDF) or one paragraph per line (Word). */
export type Layout = 'wrapped' | 'paragraphs';
