// Reads the ledger's CSV back as a spreadsheet would.

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  const pattern = /"((?:[^"]|"")*)"|([^,\r\n]*)/guy;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text)!;
    record.push(match[1] !== undefined ? match[1].replace(/""/gu, '"') : (match[2] ?? ''));
    at = pattern.lastIndex;
    if (text[at] === ',') {
      at += 1;
    } else {
      records.push(record);
      record = [];
      at += text.startsWith('\r\n', at) ? 2 : 1;
    }
  }
  return records;
}
