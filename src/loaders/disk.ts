// Reads a reports folder straight from disk with the build's own schemas. The issues loader needs
// the reports for its cross-entry checks (a loader cannot read another collection's store), and the
// importer and tests validate a folder without running Astro.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { findInvisible } from '#src/lib/hygiene.ts';
import { findCollectionWarnings, formatCollectionProblems, validateCollection } from '#src/lib/validate.ts';
import { formatSchemaIssue, parseWithFieldErrors } from '#src/schemas/error-map.ts';
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
  return issues.map((issue) => `${file}: ${formatSchemaIssue(issue)}`);
}

function parseWith<T extends z.ZodType>(schema: T, raw: unknown, file: string, errors: string[]): z.output<T> | undefined {
  const result = parseWithFieldErrors(schema, raw);
  if (result.success) return result.data;
  errors.push(...result.errors.map((error) => `${file}: ${error}`));
  return undefined;
}

/** The YAML field a line of a YAML text belongs to, e.g. organisation.measures.text: the keys above it by indentation. */
export function findYamlField(lines: readonly string[], index: number): string {
  const keys: string[] = [];
  let indent = Number.POSITIVE_INFINITY;
  for (let at = index; at >= 0 && indent > 0; at -= 1) {
    const match = /^(\s*(?:-\s+)?)([\w-]+)\s*:/u.exec(lines[at] ?? '');
    if (!match || (lines[at] ?? '').trimStart().startsWith('#')) continue;
    const depth = match[1]?.length ?? 0;
    if (depth < indent) {
      keys.unshift(match[2] ?? '');
      indent = depth;
    }
  }
  return keys.join('.') || '(root)';
}

/**
 * Refuses the invisible characters of src/lib/hygiene.ts in a content file (hand edits, pastes): one error per line
 * holding any, naming the file, the field and the line. `bodyFrom` is the first line of an MDX body (1-based); a
 * file that is not YAML (the published source.txt) names `field` instead.
 */
export function checkInvisible(file: string, text: string, errors: string[], bodyFrom?: number, field?: string): void {
  // A BOM at the very start is an editor's encoding mark, not text.
  const lines = text.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/u);
  const seen = new Set<number>();
  for (const { line, code } of findInvisible(lines.join('\n'))) {
    if (seen.has(line)) continue;
    seen.add(line);
    const codes = [...new Set(findInvisible(lines[line - 1] ?? '').map((found) => found.code))].join(', ');
    const named = field ?? (bodyFrom !== undefined && line >= bodyFrom ? 'body' : findYamlField(lines, line - 1));
    errors.push(`${file}: ${named}: line ${line}: invisible character ${codes || code} (a control, bidi or zero-width character); delete it`);
  }
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
      const text = readFileSync(file, 'utf8');
      checkInvisible(relative, text, errors);
      const data = parseWith(reportSchema, parse(text), relative, errors);
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
      const text = readFileSync(file, 'utf8');
      const parts = splitFrontmatter(text);
      checkInvisible(relative, text, errors, parts ? parts.frontmatter.split('\n').length + 3 : undefined);
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

/** A reports folder as read once: its valid entries, every error (file: field: message) and every warning. */
export interface ReportsFolder {
  reports: ReportEntry[];
  issues: IssueEntry[];
  errors: string[];
  warnings: string[];
}

/**
 * Reads a whole reports folder as the build does, each file read and YAML-parsed once: schemas, the published
 * source.txt, the cross-entry checks and the warnings, returned together.
 */
export function readReportsFolder(dir: string = getReportsDir()): ReportsFolder {
  const { reports, errors: reportErrors } = readReportsFromDisk(dir);
  const { issues, errors: issueErrors } = readIssuesFromDisk(dir);
  const cross = formatCollectionProblems(validateCollection(reports, issues));
  // The published text source is served as it is: it must be as clean as the fields.
  const sourceErrors: string[] = [];
  for (const report of reports) {
    const file = path.join(dir, report.id, 'source.txt');
    if (existsSync(file)) checkInvisible(displayPath(file), readFileSync(file, 'utf8'), sourceErrors, undefined, '(text)');
  }
  const warnings = formatCollectionProblems(findCollectionWarnings(issues));
  return {
    reports,
    issues,
    errors: [...reportErrors, ...issueErrors, ...sourceErrors, ...(cross ? cross.split('\n') : [])],
    warnings: warnings ? warnings.split('\n') : [],
  };
}

/** Validates a whole reports folder as the build would: schemas, then the cross-entry checks. Returns error lines. */
export function validateReportsFolder(dir: string = getReportsDir()): string[] {
  return readReportsFolder(dir).errors;
}

/** What a reports folder holds now: each entry file with its size and modification time, one line each. */
function getFolderSignature(dir: string): string {
  if (!existsSync(dir)) return '';
  const lines: string[] = [];
  for (const id of readdirSync(dir).sort()) {
    const folder = path.join(dir, id, 'issues');
    const issues = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mdx')) : [];
    for (const file of [path.join(dir, id, 'report.yaml'), path.join(dir, id, 'source.txt'), ...issues.sort().map((name) => path.join(folder, name))]) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat) lines.push(`${file}\t${stat.size}\t${stat.mtimeMs}`);
    }
  }
  return lines.join('\n');
}

/** Per folder, the last valid read and the signature the folder had then. */
const validFolders = new Map<string, { signature: string; folder: ReportsFolder }>();

/**
 * The valid reports folder for the loaders: throws one error listing every problem, each line naming file and field.
 * Both loaders call it in one build, so an unchanged folder (same files, sizes and times) is read only once.
 */
export function loadValidReportsFolder(dir: string = getReportsDir()): ReportsFolder {
  const signature = getFolderSignature(dir);
  const cached = validFolders.get(dir);
  if (cached?.signature === signature) return cached.folder;
  const folder = readReportsFolder(dir);
  if (folder.errors.length > 0) throw new Error(`The content collection is invalid (${folder.errors.length}):\n${folder.errors.join('\n')}`);
  validFolders.set(dir, { signature, folder });
  return folder;
}
