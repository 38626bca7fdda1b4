// From extracted text to the collection's files: parse, name, render, and validate exactly as the build will read them.
import { parse as parseYaml } from 'yaml';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { findInvisible, type InvisibleCharacter, removeInvisible } from '#src/lib/hygiene.ts';
import { proposeContinues, type Round } from '#src/lib/rounds.ts';
import { formatCollectionProblems, validateCollection } from '#src/lib/validate.ts';
import { describeIssues, splitFrontmatter } from '#src/loaders/disk.ts';
import { issueSchema } from '#src/schemas/issue.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { ImportError } from './errors.ts';
import { parseReport } from './parse.ts';
import { mapRadicals } from './radicals.ts';
import { getIssueFileName, renderIssueMdx, renderReportYaml } from './render.ts';
import type { SourceText } from './source.ts';
import type { ParsedIssue, ParsedReport, ParseOptions } from './types.ts';

/** A parsed report and the files it becomes, validated. */
export interface PreparedImport {
  id: string;
  /** Whether the id was derived rather than given. */
  idDerived: boolean;
  parsed: ParsedReport;
  /** File name (relative to the report folder) → content. */
  files: Map<string, string>;
  /** How many Kangxi / CJK radicals were mapped to their unified ideographs before parsing. */
  radicalsMapped: number;
  /** The invisible characters (controls, bidi controls, zero-width) removed from the text before parsing, by line. */
  invisibleRemoved: InvisibleCharacter[];
  /** Problems whose title matches one of an earlier report of the same issuer: file name → that earlier round, proposed as `continues`. */
  proposedContinues: Map<string, Round>;
}

/** The collection the report is imported into, to propose `continues` links against. */
export interface ExistingCollection {
  reports: readonly ReportEntry[];
  issues: readonly IssueEntry[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/u;

/** The default id: report-YYYYMMDD from the report's date, e.g. report-20220422. */
export function deriveReportId(date: string): string {
  return `report-${date.replace(/-/gu, '')}`;
}

/**
 * Validates the rendered files exactly as the build will read them (YAML and frontmatter parsed back),
 * with reportSchema, issueSchema and validateCollection. Returns one message per problem, naming the
 * source line of the problem concerned where there is one.
 */
export function validateRendered(id: string, files: Map<string, string>, issues: readonly ParsedIssue[]): string[] {
  const messages: string[] = [];
  const reportFile = `${id}/report.yaml`;
  const report = reportSchema.safeParse(parseYaml(files.get('report.yaml') ?? ''));
  if (!report.success) {
    messages.push(...describeIssues(reportFile, report.error.issues));
    return messages;
  }
  const reportEntry: ReportEntry = { id, data: report.data, filePath: reportFile };
  const issueEntries: IssueEntry[] = [];
  for (const parsed of issues) {
    const name = `issues/${getIssueFileName(parsed)}`;
    const parts = splitFrontmatter(files.get(name) ?? '');
    if (!parts) throw new Error(`${name}: rendered without frontmatter`);
    const { body } = parts;
    const result = issueSchema.safeParse(parseYaml(parts.frontmatter));
    if (result.success) {
      issueEntries.push({ id: `${id}/${name.replace(/^issues\//u, '').replace(/\.mdx$/u, '')}`, data: result.data, body, filePath: `${id}/${name}` });
    } else {
      messages.push(...describeIssues(`${id}/${name}`, result.error.issues).map((message) => `line ${parsed.line}: ${message}`));
    }
  }
  if (messages.length > 0) return messages;
  const problems = validateCollection([reportEntry], issueEntries);
  if (problems.length > 0) messages.push(formatCollectionProblems(problems));
  return messages;
}

/** The first characters of a text on one line, controls and line breaks shown, for a message. */
export function describeTextStart(text: string, length = 40): string {
  const start = [...text.replace(/\s+/gu, ' ').trim()].slice(0, length).join('');
  const shown = start.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
  return `“${shown}${[...text.trim()].length > length ? '…' : ''}”`;
}

/**
 * Refuses, before the structure is looked for, a text that is no 通报 at all: one that mentions no 整改 (a report's
 * title and sections all do), e.g. a file in an encoding read wrongly, or another document. The message says what
 * the text looked like rather than which section was not found.
 */
export function assertLooksLikeReport(text: string, format: string): void {
  const visible = text.replace(/\s+/gu, '');
  if (visible.length === 0) return; // the parser says "the file holds no text", naming line 1
  const han = (visible.match(/\p{Script=Han}/gu) ?? []).length;
  const from = format === 'txt' ? '' : `（从 ${format} 中提取 extracted from the ${format}）`;
  if (han < visible.length * 0.3) {
    throw new ImportError(
      `不像一份通报 this is not a report: the text is mostly not Chinese (${han} of ${visible.length} characters are Han; a wrong encoding?)${from}; the text begins: ${describeTextStart(text)}`,
    );
  }
  if (!/整\s*改/u.test(text)) {
    throw new ImportError(`不像一份通报 no 通报 heading found (关于…整改…的通报), and no 整改 anywhere${from}; the text begins: ${describeTextStart(text)}`);
  }
}

/**
 * Parses the source text and renders the report's files under `id` (derived from its date when absent), proposing
 * `continues` links against the existing collection (a report of the same id, being replaced, is left out). Throws ImportError.
 */
export function prepareImport(
  source: SourceText,
  id?: string,
  existing: ExistingCollection = { reports: [], issues: [] },
  choices: Omit<ParseOptions, 'layout'> = {},
): PreparedImport {
  // Invisible characters never reach a field: removed here, each named by its line in the summary.
  const invisibleRemoved = findInvisible(source.text);
  const visible = removeInvisible(source.text);
  assertLooksLikeReport(visible, source.format);
  // Every format, not only PDF: text copied from a PDF into Word or a web page carries the same radicals.
  const { text, mapped } = mapRadicals(visible);
  let parsed: ParsedReport;
  try {
    parsed = parseReport(text, { ...choices, layout: source.layout });
  } catch (error) {
    // A .docx, .pdf or web page has no lines of its own: say what the numbers count.
    if (error instanceof ImportError && source.format !== 'txt') {
      throw new ImportError(`${error.message}\n（行号按提取出的文字计 line numbers count lines of the text extracted from the ${source.format}）`);
    }
    throw error;
  }
  // A web page's 信息公开 table: kept as printed there.
  if (source.metadata?.indexNumber) parsed.data.indexNumber = removeInvisible(source.metadata.indexNumber);
  if (source.metadata?.documentNumber) parsed.data.documentNumber = removeInvisible(source.metadata.documentNumber);
  // Read by OCR: marked so the report page says so until an editor has checked the text and confirms it.
  if (source.ocr) parsed.data.ocr = { confirmed: false, engine: source.ocr.engine };
  const reportId = id ?? deriveReportId(parsed.date);
  if (!ID_PATTERN.test(reportId)) throw new ImportError(`无效的编号 invalid report id "${reportId}": use lower-case letters, digits and hyphens`);
  const others = {
    reports: existing.reports.filter((report) => report.id !== reportId),
    issues: existing.issues.filter((issue) => issue.data.report !== reportId),
  };
  const proposals = proposeContinues(
    { issuer: parsed.data.issuer, date: parsed.date },
    parsed.issues.map((issue) => issue.title),
    others.reports,
    others.issues,
  );
  const files = new Map<string, string>();
  const proposedContinues = new Map<string, Round>();
  files.set('report.yaml', renderReportYaml(parsed.data));
  parsed.issues.forEach((issue, position) => {
    const name = `issues/${getIssueFileName(issue)}`;
    const round = proposals[position];
    if (round) proposedContinues.set(name, round);
    files.set(name, renderIssueMdx(issue, reportId, {}, round?.key));
  });
  const messages = validateRendered(reportId, files, parsed.issues);
  if (messages.length > 0) throw new ImportError(`校验失败 the imported report would not build:\n${messages.join('\n')}`);
  return { id: reportId, idDerived: id === undefined, parsed, files, radicalsMapped: mapped, invisibleRemoved, proposedContinues };
}
