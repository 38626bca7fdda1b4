// What the parser produces: the schemas' input shapes, so the files it renders are what the loaders read.
import type { z } from 'astro/zod';
import type { commitmentSchema, IssueStatus, issueSchema, statusSources } from '#src/schemas/issue.ts';
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

/** Where a report states a problem's status. */
export type StatusSource = (typeof statusSources)[number];

/** A problem as parsed, before it is written as an MDX entry. */
export interface ParsedIssue extends Pick<IssueInput, 'title' | 'shortTitle'> {
  /** Its file name without .mdx, and its URL segment: completed-01 in a report grouped by status, else 02-01-03. */
  slug: string;
  status: IssueStatus;
  /** Where the status is stated: heading where its group's heading states it; editor where --status set it. */
  statusFrom: StatusSource | 'editor';
  /** The words that state it (a 整改状态 line, a closing phrase of the body); absent where a group heading states it. */
  statusWords?: string | undefined;
  /** The source line of the words that state the status (the group's heading, the line or the phrase's paragraph). */
  statusLine: number;
  /** The key of the report's group it is printed under (report.yaml groups); absent in a report grouped by status. */
  group?: string | undefined;
  /** The ordinal as printed, e.g. 1． or （1）. */
  ordinal: string;
  number: number;
  /** The quoted finding of its title (关于“X”问题 → X). */
  finding?: string | undefined;
  /** The label printed before its measures, e.g. 整改情况：. */
  measuresLabel?: string | undefined;
  /** The body, one string per measure paragraph, verbatim. */
  paragraphs: string[];
  /** Dated promises found in the body, for an editor to confirm. */
  suggestedCommitments: SuggestedCommitment[];
  /** The source line of its title. */
  line: number;
}

/** Where one paragraph of the source went: a field of the report or a problem, or left out and why. */
export interface Placement extends Paragraph {
  /** The field it landed in, e.g. preface, organisation.measures, groups 1.2, plan; absent when left out. */
  field?: string | undefined;
  /** The problem it belongs to (its slug), for a title or body paragraph. */
  issue?: string | undefined;
  /** Why it was left out (page chrome, a duplicate title, …); absent when it landed in a field. */
  leftOut?: string | undefined;
}

/** The source lines the declared totals were read from, for the summary; undefined for a total not stated. */
export type DeclaredLines = Record<'problems' | 'completed' | 'ongoing' | 'longTerm' | 'rate', number | undefined>;

/** The report as parsed, in the shape of the reports collection. */
export interface ParsedReport {
  data: ReportInput;
  /** The report's date (成文日期), YYYY-MM-DD, as written to data.date. */
  date: string;
  issues: ParsedIssue[];
  warnings: string[];
  /** The source lines the declared totals were read from, for the summary. */
  declaredLines: DeclaredLines;
  /** Every paragraph of the source, in order, and where it went. */
  placements: Placement[];
}

/** Choices an editor makes where the structure has two readings (the command line's flags). */
export interface ParseOptions {
  layout?: Layout | undefined;
  /** The level that holds the problems, as an ordinal: 一、 （一） 1. （1）; detected when absent. */
  problemsAt?: string | undefined;
  /** The status of problems whose status the report states nowhere; the import refuses them when absent. */
  defaultStatus?: IssueStatus | undefined;
}

/** How the text was laid out in its source: hard-wrapped lines (PDF, text copied from a PDF) or one paragraph per line (Word). */
export type Layout = 'wrapped' | 'paragraphs';
