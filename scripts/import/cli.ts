// npm run import -- <file> [--id <report-id>] [--out <reports-folder>] [--dry-run] [--force] [--problems-at <ordinal>] [--status <status>] [--ocr]
// Imports a 巡察整改情况通报 (.txt, .docx, .doc/.wps/.odt, .pdf, .html) into the reports collection.
import { parseArgs } from 'node:util';
import { ImportError } from '#src/import/errors.ts';
import { formatSummary } from '#src/import/summary.ts';
import { getReportsDir } from '#src/loaders/paths.ts';
import { isIssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import { importReport } from './import.ts';

const usage = `用法 Usage: npm run import -- <file.txt|.docx|.doc|.wps|.odt|.pdf|.html|.htm> [--id <report-id>] [--out <reports-folder>] [--dry-run] [--force] [--problems-at <序号>] [--status <状态>] [--ocr]
  --id       报告编号（目录名）report id (folder name); default report-YYYYMMDD from the report's date
  --out      报告目录 reports folder; default $REPORTS_DIR or content/reports
  --dry-run  只解析和校验，不写入 parse and validate, write nothing
  --force    覆盖已存在的报告 replace an existing report folder
  --problems-at <序号>  问题所在的编号层级 the level that holds the problems, e.g. "（1）" or "1."; where the import names two readings
  --status <状态>       通报未写明状态的问题按此状态导入 status of problems the report states none for: completed | ongoing | longTerm
  --ocr                用 OCR 读取扫描件 PDF read a scanned PDF with OCR (needs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils)`;

async function main(): Promise<number> {
  let values: {
    id?: string | undefined;
    out?: string | undefined;
    'dry-run'?: boolean | undefined;
    force?: boolean | undefined;
    'problems-at'?: string | undefined;
    status?: string | undefined;
    ocr?: boolean | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        id: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        'problems-at': { type: 'string' },
        status: { type: 'string' },
        ocr: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const status = values.status;
  if (status !== undefined && !isIssueStatus(status)) {
    console.error(`--status "${status}": expected one of ${issueStatuses.join(', ')}\n${usage}`);
    return 2;
  }
  try {
    const result = await importReport({
      file,
      reportsDir: values.out ?? getReportsDir(),
      id: values.id,
      dryRun: values['dry-run'],
      force: values.force,
      problemsAt: values['problems-at'],
      status,
      ocr: values.ocr,
    });
    console.log(formatSummary(result));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`导入失败，未写入任何文件 Import failed, nothing was written: ${file}\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
