// Imports one report: reads the source, parses it, renders the collection's files, validates them
// with the build's own schemas and cross-entry checks, and only then moves the folder into place.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IssueEntry, ReportEntry } from '../../src/lib/entries.ts';
import { formatCollectionProblems, validateCollection } from '../../src/lib/validate.ts';
import { describeIssues, splitFrontmatter } from '../../src/loaders/disk.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { ImportError, type ParsedIssue, type ParsedReport, parseReport } from './parse.ts';
import { readSource, type SourceText } from './read.ts';
import { getIssueFileName, renderIssueMdx, renderReportYaml } from './render.ts';

export interface ImportOptions {
  /** The source file: .txt (UTF-8 or GB18030), .docx or .pdf. */
  file: string;
  /** The folder holding one sub-folder per report, e.g. content/reports. */
  reportsDir: string;
  /** The report's id (folder name); derived from the report's date when absent. */
  id?: string | undefined;
  /** Parse and validate, write nothing. */
  dryRun?: boolean | undefined;
  /** Replace an existing report folder of the same id. */
  force?: boolean | undefined;
}

export interface ImportResult {
  id: string;
  /** Whether the id was derived rather than given. */
  idDerived: boolean;
  /** The report folder (written unless dryRun). */
  dir: string;
  written: boolean;
  replaced: boolean;
  source: Omit<SourceText, 'text'>;
  parsed: ParsedReport;
  /** File name (relative to the report folder) → content. */
  files: Map<string, string>;
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

/** Runs the whole import. Throws ImportError (naming the line where there is one) and then writes nothing. */
export async function importReport(options: ImportOptions): Promise<ImportResult> {
  const source = await readSource(options.file);
  let parsed: ParsedReport;
  try {
    parsed = parseReport(source.text, { layout: source.layout });
  } catch (error) {
    // A .docx or .pdf has no lines of its own: say what the numbers count.
    if (error instanceof ImportError && source.format !== 'txt') {
      throw new ImportError(`${error.message}\n（行号按提取出的文字计 line numbers count lines of the text extracted from the ${source.format}）`);
    }
    throw error;
  }
  const date = String(parsed.data['date'] ?? '');
  const idDerived = options.id === undefined;
  const id = options.id ?? deriveReportId(date);
  if (!ID_PATTERN.test(id)) throw new ImportError(`无效的编号 invalid report id "${id}": use lower-case letters, digits and hyphens`);

  const files = new Map<string, string>();
  files.set('report.yaml', renderReportYaml(parsed.data));
  for (const issue of parsed.issues) files.set(`issues/${getIssueFileName(issue)}`, renderIssueMdx(issue, id));
  const messages = validateRendered(id, files, parsed.issues);
  if (messages.length > 0) throw new ImportError(`校验失败 the imported report would not build:\n${messages.join('\n')}`);

  const dir = path.join(path.resolve(options.reportsDir), id);
  const exists = existsSync(dir);
  if (exists && !options.force) {
    throw new ImportError(`报告目录已存在 ${dir} already exists: pass --force to replace it, or --id to choose another id`);
  }
  const result: ImportResult = {
    id,
    idDerived,
    dir,
    written: false,
    replaced: false,
    source: { format: source.format, encoding: source.encoding, layout: source.layout },
    parsed,
    files,
  };
  if (options.dryRun) return result;

  await writeAtomically(path.resolve(options.reportsDir), id, files);
  return { ...result, written: true, replaced: exists };
}

/**
 * Writes the files into a temporary folder beside the reports folder (same file system, and outside
 * it so a concurrent build never sees half a report), then renames it into place. An existing folder
 * (only with --force) is moved aside first and removed once the new one is in place.
 */
async function writeAtomically(reportsDir: string, id: string, files: Map<string, string>): Promise<void> {
  await mkdir(reportsDir, { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(reportsDir), `.import-${id}-`));
  const target = path.join(reportsDir, id);
  const aside = `${staging}-previous`;
  try {
    const folder = path.join(staging, id);
    for (const [name, content] of files) {
      const file = path.join(folder, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, 'utf8');
    }
    const replacing = existsSync(target);
    if (replacing) await rename(target, aside);
    try {
      await rename(folder, target);
    } catch (error) {
      if (replacing) await rename(aside, target);
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(aside, { recursive: true, force: true });
  }
}

/** The summary printed after an import: problems per status, declared totals and whether they agree, warnings. */
export function formatSummary(result: ImportResult): string {
  const { parsed } = result;
  const declared = parsed.data['declared'] as { items: number; problems: number; completed: number; ongoing: number };
  const count = (status: ParsedIssue['status']) => parsed.issues.filter((issue) => issue.status === status).length;
  const mark = (a: number, b: number) => (a === b ? '✓ 一致 agrees' : '✗ 不符 differs');
  const lines = [
    `来源 Source: ${result.source.format} (${result.source.encoding}${result.source.layout ? `, ${result.source.layout}` : ''})`,
    `报告 Report: ${String(parsed.data['issuer'])}《${String(parsed.data['title'])}》 ${String(parsed.data['date'])}`,
    result.idDerived
      ? `编号 Id: ${result.id}（未指定 --id，按成文日期生成 derived from the report's date; pass --id to choose another）`
      : `编号 Id: ${result.id}`,
    `已整改完成 completed: ${count('completed')}（声明 declared ${declared.completed}, line ${parsed.declaredLines.completed ?? '?'}）${mark(count('completed'), declared.completed)}`,
    `持续整改 ongoing: ${count('ongoing')}（声明 declared ${declared.ongoing}, line ${parsed.declaredLines.ongoing ?? '?'}）${mark(count('ongoing'), declared.ongoing)}`,
    `合计 total: ${parsed.issues.length}（声明 declared ${declared.items}项${declared.problems}个问题, line ${parsed.declaredLines.problems ?? '?'}）${mark(parsed.issues.length, declared.problems)}`,
  ];
  const suggestions = parsed.issues.reduce((sum, issue) => sum + issue.suggestedCommitments.length, 0);
  if (suggestions > 0)
    lines.push(`建议的承诺事项 suggested commitments: ${suggestions}（以注释写入，请编辑确认 written as comments for an editor to confirm）`);
  lines.push(parsed.warnings.length === 0 ? '警告 Warnings: none' : `警告 Warnings (${parsed.warnings.length}):`);
  for (const warning of parsed.warnings) lines.push(`  ${warning}`);
  lines.push(
    result.written
      ? `${result.replaced ? '已替换 Replaced' : '已写入 Written'}: ${result.dir}（${result.files.size} files）`
      : `试运行，未写入 Dry run, nothing written (would write ${result.files.size} files to ${result.dir})`,
  );
  return lines.join('\n');
}
