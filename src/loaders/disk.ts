// Reads a reports folder straight from disk with the build's own schemas. The issues loader needs
// the reports for its cross-entry checks (a loader cannot read another collection's store), and the
// importer and tests validate a folder without running Astro.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { findCollectionWarnings, formatCollectionProblems, validateCollection } from '#src/lib/validate.ts';
import { issueSchema } from '#src/schemas/issue.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { getReportsDir } from './paths.ts';

/** A path as messages show it: relative to the working folder when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Formats a schema failure (any Zod issues) as `file: field: message` lines, the field with its list indices. */
export function describeIssues(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(root)';
    // Schema messages start with the field's name without indices; show it once, with them.
    const generic = field.replace(/\.\d+(?=\.|$)/gu, '');
    const message = issue.message.startsWith(`${generic}: `) ? issue.message.slice(generic.length + 2) : issue.message;
    return `${file}: ${field}: ${message}`;
  });
}

function parseWith<T>(
  schema: { safeParse: (raw: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  raw: unknown,
  file: string,
  errors: string[],
): T | undefined {
  const result = schema.safeParse(raw);
  if (!result.success) {
    errors.push(...describeIssues(file, result.error.issues));
    return undefined;
  }
  return result.data;
}

/** Splits an MDX file into its YAML frontmatter and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/u.exec(source.replace(/^\ufeff/u, ''));
  return match ? { frontmatter: match[1] ?? '', body: match[2] ?? '' } : null;
}

/** Every report of a folder, validated; errors name the file and the field. */
export function readReportsFromDisk(dir: string = getReportsDir()): { reports: ReportEntry[]; errors: string[] } {
  const reports: ReportEntry[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { reports, errors: [`${dir}: the reports folder does not exist`] };
  for (const id of readdirSync(dir).sort()) {
    const file = path.join(dir, id, 'report.yaml');
    if (!existsSync(file)) continue;
    const relative = displayPath(file);
    try {
      const data = parseWith(reportSchema, parse(readFileSync(file, 'utf8')), relative, errors);
      if (data) reports.push({ id, data, filePath: relative });
    } catch (error) {
      errors.push(`${relative}: ${(error as Error).message}`);
    }
  }
  return { reports, errors };
}

/** Every problem of a folder, validated; errors name the file and the field. */
export function readIssuesFromDisk(dir: string = getReportsDir()): { issues: IssueEntry[]; errors: string[] } {
  const issues: IssueEntry[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { issues, errors };
  for (const reportId of readdirSync(dir).sort()) {
    const folder = path.join(dir, reportId, 'issues');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.mdx'))
      .sort()) {
      const file = path.join(folder, name);
      const relative = displayPath(file);
      const parts = splitFrontmatter(readFileSync(file, 'utf8'));
      if (!parts) {
        errors.push(`${relative}: (frontmatter): missing the --- frontmatter block`);
        continue;
      }
      try {
        const data = parseWith(issueSchema, parse(parts.frontmatter), relative, errors);
        const bodyLine = parts.frontmatter.split('\n').length + 3;
        if (data) issues.push({ id: `${reportId}/${name.replace(/\.mdx$/u, '')}`, data, body: parts.body, filePath: relative, bodyLine });
      } catch (error) {
        errors.push(`${relative}: (frontmatter): ${(error as Error).message}`);
      }
    }
  }
  return { issues, errors };
}

/** Validates a whole reports folder as the build would: schemas, then the cross-entry checks. Returns error lines. */
export function validateReportsFolder(dir: string = getReportsDir()): string[] {
  const { reports, errors: reportErrors } = readReportsFromDisk(dir);
  const { issues, errors: issueErrors } = readIssuesFromDisk(dir);
  const cross = formatCollectionProblems(validateCollection(reports, issues));
  return [...reportErrors, ...issueErrors, ...(cross ? cross.split('\n') : [])];
}

/** What a reports folder holds now: each entry file with its size and modification time, one line each. */
function getFolderSignature(dir: string): string {
  if (!existsSync(dir)) return '';
  const lines: string[] = [];
  for (const id of readdirSync(dir).sort()) {
    const folder = path.join(dir, id, 'issues');
    const issues = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mdx')) : [];
    for (const file of [path.join(dir, id, 'report.yaml'), ...issues.sort().map((name) => path.join(folder, name))]) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat) lines.push(`${file}\t${stat.size}\t${stat.mtimeMs}`);
    }
  }
  return lines.join('\n');
}

/** Per folder, the signature it had when it last passed validation. */
const validFolders = new Map<string, string>();

/**
 * Throws one error listing every problem of a reports folder, each line naming file and field. Both loaders call
 * it, so a folder that passed and has not changed since (same files, sizes and times) is not validated again.
 */
export function assertValidReportsFolder(dir: string = getReportsDir()): void {
  const signature = getFolderSignature(dir);
  if (validFolders.get(dir) === signature) return;
  const errors = validateReportsFolder(dir);
  if (errors.length > 0) throw new Error(`The content collection is invalid (${errors.length}):\n${errors.join('\n')}`);
  validFolders.set(dir, signature);
}

/** Warnings for a reports folder (file: field: line: message), for the build and the importer to print. */
export function listReportsFolderWarnings(dir: string = getReportsDir()): string[] {
  const { issues } = readIssuesFromDisk(dir);
  const text = formatCollectionProblems(findCollectionWarnings(issues));
  return text ? text.split('\n') : [];
}
