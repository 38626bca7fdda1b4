// The ledger as an Excel workbook and a CSV file, from the same rows the /ledger/ pages show.
import ExcelJS from 'exceljs';
import { getExcelTextWidth } from '#src/lib/char-width.ts';
import { labels } from '#src/lib/labels.ts';
import { formatMeasuresSummary, formatRound, LEDGER_COLUMNS, type LedgerRow } from '#src/lib/ledger.ts';
import { getIssuePath, getPublicUrl } from '#src/lib/urls.ts';

/** Where the archive is published, so problems and later rounds become links; without it the cells hold text only. */
export interface LedgerLinks {
  /** The site's public origin, e.g. https://example.org. */
  siteUrl: string;
  /** The base path the site is served under, e.g. / or /archive/. */
  base: string;
}

type CellValue = string | number | Date | { text: string; hyperlink: string } | null;

/** One column of the export: its header, how wide it may grow, and its value for a row. */
interface ExportColumn {
  header: string;
  /** Cap on the width in Excel character units; long text wraps within it. */
  maxWidth: number;
  value: (row: LedgerRow, position: number, links: LedgerLinks | undefined) => CellValue;
  /** Text of the cell for CSV (dates as YYYY-MM-DD). */
  text: (row: LedgerRow, position: number) => string;
  numFmt?: string;
}

/** A YYYY-MM-DD day as a date Excel shows as that day whatever the machine's time zone. */
export function toExcelDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

const link = (links: LedgerLinks | undefined, reportId: string, slug: string, text: string): CellValue =>
  links ? { text, hyperlink: getPublicUrl(links.siteUrl, links.base, getIssuePath(reportId, slug)) } : text;

/** The deadlines cell: a real date when the problem has one deadline with a known day; otherwise text, one deadline a line (month-only ones as YYYY-MM). */
function deadlineValue(row: LedgerRow): CellValue {
  const [only] = row.deadlines;
  if (row.deadlines.length === 1 && only?.exact) return toExcelDate(only.due);
  return row.deadlines.length === 0 ? null : row.deadlines.map((deadline) => deadline.due).join('\n');
}

const COLUMNS: ExportColumn[] = [
  { header: LEDGER_COLUMNS.index, maxWidth: 6, value: (_row, position) => position, text: (_row, position) => String(position) },
  { header: LEDGER_COLUMNS.issuer, maxWidth: 24, value: (row) => row.issuer, text: (row) => row.issuer },
  { header: LEDGER_COLUMNS.report, maxWidth: 36, value: (row) => row.reportTitle, text: (row) => row.reportTitle },
  { header: LEDGER_COLUMNS.reportDate, maxWidth: 12, value: (row) => toExcelDate(row.reportDate), text: (row) => row.reportDate, numFmt: 'yyyy-mm-dd' },
  { header: LEDGER_COLUMNS.status, maxWidth: 12, value: (row) => row.statusLabel, text: (row) => row.statusLabel },
  { header: LEDGER_COLUMNS.group, maxWidth: 30, value: (row) => row.group, text: (row) => row.group },
  { header: LEDGER_COLUMNS.number, maxWidth: 6, value: (row) => row.number, text: (row) => String(row.number) },
  { header: LEDGER_COLUMNS.title, maxWidth: 40, value: (row, _p, links) => link(links, row.reportId, row.slug, row.title), text: (row) => row.title },
  { header: LEDGER_COLUMNS.measures, maxWidth: 40, value: (row) => formatMeasuresSummary(row), text: (row) => formatMeasuresSummary(row) },
  {
    header: LEDGER_COLUMNS.deadlines,
    maxWidth: 12,
    value: (row) => deadlineValue(row),
    text: (row) => row.deadlines.map((deadline) => deadline.due).join('\n'),
    numFmt: 'yyyy-mm-dd',
  },
  {
    header: LEDGER_COLUMNS.next,
    maxWidth: 40,
    value: (row, _p, links) => (row.next ? link(links, row.next.reportId, row.next.slug, formatRound(row.next)) : null),
    text: (row) => (row.next ? formatRound(row.next) : ''),
  },
  { header: LEDGER_COLUMNS.measuresText, maxWidth: 80, value: (row) => row.measuresText, text: (row) => row.measuresText },
];

/** The export's header row, in order. */
export const LEDGER_EXPORT_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

/** A worksheet name Excel accepts (≤ 31 characters, none of : \ / ? * [ ]), unique among `taken`. */
export function toSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/gu, '-').slice(0, 31) || 'sheet';
  let name = clean;
  for (let n = 2; taken.has(name); n += 1) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
  return name;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: readonly LedgerRow[], links: LedgerLinks | undefined): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((row, offset) => {
    const added = sheet.addRow(COLUMNS.map((column) => column.value(row, offset + 1, links)));
    added.alignment = { vertical: 'top', wrapText: true };
  });
  COLUMNS.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    if (column.numFmt) target.numFmt = column.numFmt;
    const longest = Math.max(
      getExcelTextWidth(column.header),
      ...rows.flatMap((row, offset) =>
        column
          .text(row, offset + 1)
          .split('\n')
          .map(getExcelTextWidth),
      ),
    );
    target.width = Math.min(column.maxWidth, longest + 2);
  });
  // The header row keeps its alignment; the column number format must not turn the header into a date.
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };
  return sheet;
}

/** The sheet name of the all-problems sheet. */
export const ALL_PROBLEMS_SHEET = labels.archive.ledger.allSheet;

/**
 * The ledger workbook: one sheet of every problem, then one per report (named by its id, in ledger order). Each has
 * a frozen header, an autofilter, column widths fitted to the Chinese text, and wrapped cells.
 */
export function buildLedgerWorkbook(rows: readonly LedgerRow[], links?: LedgerLinks): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '巡察整改情况档案';
  addSheet(workbook, ALL_PROBLEMS_SHEET, rows, links);
  const taken = new Set<string>([ALL_PROBLEMS_SHEET]);
  for (const reportId of [...new Set(rows.map((row) => row.reportId))]) {
    const name = toSheetName(reportId, taken);
    taken.add(name);
    addSheet(
      workbook,
      name,
      rows.filter((row) => row.reportId === reportId),
      links,
    );
  }
  return workbook;
}

const quoteCsv = (text: string) => (/[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text);

/** The all-problems sheet as CSV: UTF-8 with a BOM (so Excel and WPS read it as UTF-8), CRLF line ends, RFC 4180 quoting. */
export function renderLedgerCsv(rows: readonly LedgerRow[]): string {
  const lines = [COLUMNS.map((column) => quoteCsv(column.header)).join(',')];
  rows.forEach((row, offset) => {
    lines.push(COLUMNS.map((column) => quoteCsv(column.text(row, offset + 1))).join(','));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
