#!/usr/bin/env node
// npm run export:ledger: writes the rectification ledger (整改台账) of the reports folder (REPORTS_DIR, default
// content/reports) to EXPORT_DIR (default exports/) as ledger.xlsx and ledger.csv. With SITE_URL (and BASE_PATH)
// the problems and later rounds in the workbook link to their pages in the archive.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildLedgerWorkbook, renderLedgerCsv } from '#src/export/ledger-workbook.ts';
import { writeFileAtomically } from '#src/lib/atomic-write.ts';
import { listLedgerRows } from '#src/lib/ledger.ts';
import { readReportsFolder } from '#src/loaders/disk.ts';
import { getReportsDir } from '#src/loaders/paths.ts';

const reportsDir = getReportsDir();
const exportDir = path.resolve(process.env['EXPORT_DIR'] ?? 'exports');
const { reports, issues, errors } = readReportsFolder(reportsDir);
if (errors.length > 0) {
  console.error(`内容有误，未导出台账。The collection is invalid; nothing was exported (${errors.length}):\n${errors.join('\n')}`);
  process.exit(1);
}
const rows = listLedgerRows(reports, issues);
const siteUrl = process.env['SITE_URL'];
const workbook = buildLedgerWorkbook(rows, siteUrl ? { siteUrl, base: process.env['BASE_PATH'] ?? '/' } : undefined);

mkdirSync(exportDir, { recursive: true });
const xlsx = path.join(exportDir, 'ledger.xlsx');
const csv = path.join(exportDir, 'ledger.csv');
writeFileAtomically(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
writeFileAtomically(csv, renderLedgerCsv(rows));
const reportCount = new Set(rows.map((row) => row.reportId)).size;
console.log(
  `已导出整改台账：${rows.length} 个问题，${reportCount} 份通报。Wrote the ledger: ${rows.length} problems from ${reportCount} reports.\n  ${path.relative(process.cwd(), xlsx) || xlsx}\n  ${path.relative(process.cwd(), csv) || csv}`,
);
