// npm run review -- <report-id> [--out <file.html>] [--problems-at <ordinal>] [--status <status>]
// Re-reads a report's source document (<reports>/<id>/source.*) as the importer does and writes a review page: the
// source's paragraphs beside the entries they became, each problem's status and the words it was read from, and the
// paragraphs left out highlighted. Prints the page's path; open it in a browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '#src/import/errors.ts';
import { prepareImport } from '#src/import/prepare.ts';
import { type EntryOnDisk, renderReview } from '#src/import/review.ts';
import { readIssuesFromDisk } from '#src/loaders/disk.ts';
import { getReportsDir } from '#src/loaders/paths.ts';
import { findReportSource } from '#src/loaders/sources.ts';
import { isIssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import { readSource } from './import/read.ts';

const usage = `用法 Usage: npm run review -- <report-id> [--out <file.html>] [--problems-at <序号>] [--status <状态>]
  --out          核对页路径 where to write the review; default dist-review/<report-id>.html
  --problems-at  与导入时相同 as given to the import, e.g. "（1）"
  --status       与导入时相同 as given to the import: completed | ongoing | longTerm
  报告目录 reports folder: $REPORTS_DIR or content/reports`;

async function main(): Promise<number> {
  const options = { out: { type: 'string' }, 'problems-at': { type: 'string' }, status: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  let parsedArgs: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsedArgs = parseArgs({ options, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const id = positionals[0];
  if (!id || positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const status = values.status;
  if (status !== undefined && !isIssueStatus(status)) {
    console.error(`--status "${status}": expected one of ${issueStatuses.join(', ')}\n${usage}`);
    return 2;
  }
  const reportsDir = getReportsDir();
  const source = findReportSource(id, reportsDir);
  if (!source) {
    console.error(`没有原文 ${path.join(reportsDir, id)} holds no source document (source.txt, .pdf, .docx, …) to review`);
    return 1;
  }
  try {
    const text = await readSource(source.file);
    const prepared = prepareImport(text, id, { reports: [], issues: [] }, { problemsAt: values['problems-at'], defaultStatus: status });
    // The entries as they stand now, so the review shows where an editor changed what the import wrote.
    const onDisk = new Map<string, EntryOnDisk>();
    for (const issue of readIssuesFromDisk(reportsDir).issues.filter((entry) => entry.data.report === id)) {
      // An entry's id is <report-id>/<file name>, its file name the slug.
      onDisk.set(issue.id.slice(issue.id.indexOf('/') + 1), { status: issue.data.status, title: issue.data.title });
    }
    const out = path.resolve(values.out ?? path.join('dist-review', `${id}.html`));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, renderReview(prepared.parsed, { id, source: source.fileName, onDisk }), 'utf8');
    const leftOut = prepared.parsed.placements.filter((placement) => placement.leftOut).length;
    console.log(
      `核对页 Review written: ${out}\n问题 problems: ${prepared.parsed.issues.length} · 略去 left out: ${leftOut} · 警告 warnings: ${prepared.parsed.warnings.length}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`无法核对 Cannot review ${source.file}\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
