// The importer: round trip of the seed, a second report in every supported format, and malformed input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ImportError } from '#src/import/errors.ts';
import { decodeText } from '#src/import/formats/txt.ts';
import { preparePublishedSource } from '#src/import/published.ts';
import { formatSummary } from '#src/import/summary.ts';
import { formatFileSize } from '#src/lib/files.ts';
import { formatSourceLabel } from '#src/lib/labels.ts';
import { splitParagraphs } from '#src/lib/mdx-blocks.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';
import { findReportSource, listReportSources } from '#src/loaders/sources.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { readParagraphs, secondReportFile, secondReportWrappedFile, writeDocx, writeGb18030, writePdf } from '#tests/fixtures/import/generate.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { createReportsDirs } from '#tests/helpers/fixtures.ts';
import { importReport } from '../../scripts/import/import.ts';

const seedDir = path.join(projectRoot, 'content/reports/szkj-20220422');
/** The published report's text, extracted from its PDF, kept beside its content. */
const seedFile = path.join(seedDir, 'source.txt');
const work = mkdtempSync(path.join(tmpdir(), 'rk-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh, empty reports folder. */
const freshReportsDir = createReportsDirs(work);

/** Every file under a folder, relative path → content. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(dir, relative), 'utf8'));
    }
  };
  walk('');
  return files;
}

function splitMdx(source: string): { front: Record<string, unknown>; paragraphs: string[] } {
  const parts = splitFrontmatter(source);
  if (!parts) throw new Error('no frontmatter');
  return { front: parseYaml(parts.frontmatter) as Record<string, unknown>, paragraphs: splitParagraphs(parts.body) };
}

/** A report's verbatim fields: the editorial ones (dateNote, event labels, corrections) removed. */
function verbatimReport(yaml: string): unknown {
  const data = parseYaml(yaml) as Record<string, unknown> & { inspection: Record<string, unknown>; events?: { date: unknown; quote: string }[] };
  delete data['corrections'];
  delete data.inspection['dateNote'];
  data.events = (data.events ?? []).map(({ date, quote }) => ({ date: String(date), quote }));
  data['date'] = String(data['date']);
  for (const key of ['start', 'end', 'feedback']) if (key in data.inspection) data.inspection[key] = String(data.inspection[key]);
  return data;
}

/** A problem's verbatim fields: status, number, title and body paragraphs. */
function verbatimIssue(mdx: string): unknown {
  const { front, paragraphs } = splitMdx(mdx);
  return { status: front['status'], number: front['number'], title: front['title'], paragraphs };
}

function runCli(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import/cli.ts'), ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

describe('round trip of the seed report', () => {
  it('reproduces every verbatim field of content/reports/szkj-20220422', async () => {
    const reportsDir = freshReportsDir();
    const result = await importReport({ file: seedFile, reportsDir, id: 'szkj-20220422' });
    expect(result.written).toBe(true);
    const imported = readTree(path.join(reportsDir, 'szkj-20220422'));
    // The importer copies the source document into the folder as the report's 原文: the seed's, byte for byte.
    const committed = readTree(seedDir);
    expect(committed.has('source.txt')).toBe(true);
    expect([...imported.keys()].sort()).toEqual([...committed.keys()].sort());
    expect(readFileSync(path.join(reportsDir, 'szkj-20220422', 'source.txt')).equals(readFileSync(seedFile))).toBe(true);
    expect(verbatimReport(imported.get('report.yaml') ?? '')).toEqual(verbatimReport(committed.get('report.yaml') ?? ''));
    const problems = [...committed].filter(([name]) => name.endsWith('.mdx'));
    expect(problems.length).toBe((parseYaml(committed.get('report.yaml') ?? '') as { declared: { problems: number } }).declared.problems);
    for (const [name, content] of problems) {
      expect(verbatimIssue(imported.get(name) ?? ''), name).toEqual(verbatimIssue(content));
      expect(splitMdx(imported.get(name) ?? '').front['report']).toBe('szkj-20220422');
    }
    // The editorial fields are proposed, not copied: suggested commitments stay commented out.
    expect(imported.get('issues/completed-15.mdx')).toContain('# commitments:');
    expect(imported.get('issues/completed-15.mdx')).toContain('计划于2月下旬召开全市第24次创新工作例会');
  });

  it('derives an id from the date and says so', () => {
    const reportsDir = freshReportsDir();
    const result = runCli([seedFile, '--out', reportsDir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('report-20220422');
    expect(result.stdout).toMatch(/未指定 --id/u);
    expect(result.stdout).toMatch(/已整改完成 completed: 22（声明 declared 22, line 71）✓/u);
    expect(result.stdout).toMatch(/持续整改 ongoing: 3（声明 declared 3, line 669）✓/u);
    expect(result.stdout).toMatch(/8项25个问题, line 16）✓/u);
    expect(existsSync(path.join(reportsDir, 'report-20220422', 'report.yaml'))).toBe(true);
  });
});

describe('a second report in every supported format', () => {
  const sources: Record<string, string> = {};
  beforeAll(async () => {
    const paragraphs = readParagraphs(secondReportFile);
    sources['paragraphs.txt'] = secondReportFile;
    sources['wrapped.txt'] = secondReportWrappedFile;
    sources['gb18030.txt'] = path.join(work, 'qingchuan-gb18030.txt');
    await writeGb18030(readFileSync(secondReportWrappedFile, 'utf8'), sources['gb18030.txt']);
    sources['docx'] = path.join(work, 'qingchuan.docx');
    await writeDocx(paragraphs, sources['docx']);
    sources['pdf'] = path.join(work, 'qingchuan.pdf');
    await writePdf(paragraphs, sources['pdf']);
  }, 120_000);

  it('reads the paragraph-per-line text as the report it is', async () => {
    const reportsDir = freshReportsDir();
    const result = await importReport({ file: secondReportFile, reportsDir, id: 'qingchuan-20240118' });
    const { data, issues, warnings } = result.parsed;
    expect(warnings).toEqual([]);
    expect(data).toMatchObject({
      title: '关于巡察整改进展情况的通报',
      issuer: '中共青川市文化广电和旅游局党组',
      date: '2024-01-18',
      inspection: { team: '市委第四巡察组', kind: '常规巡察', start: '2023-08-07', end: '2023-09-15', feedback: '2023-10-12' },
      declared: { items: 5, problems: 7, completed: 5, ongoing: 2 },
      plan: { heading: '下一步工作打算' },
      contact: { phone: '0736-5550123', address: '青川市滨江路88号', postcode: '415000', email: 'wenlv@example.org' },
      signature: '中共青川市文化广电和旅游局党组',
    });
    expect(data.organisation?.measures?.map((measure) => `${measure.ordinal}${measure.lead}`)).toEqual([
      '（一）压实整改主体责任。',
      '（二）建立跟踪督办机制。',
    ]);
    expect(issues.map((issue) => `${issue.status}-${issue.number}`)).toEqual([
      'completed-1',
      'completed-2',
      'completed-3',
      'completed-4',
      'completed-5',
      'ongoing-1',
      'ongoing-2',
    ]);
    // 3.关于… uses an ASCII dot and has no closing 。; its two measures stay two paragraphs.
    expect(issues[2]?.title).toBe('关于文旅项目资金拨付进度偏慢问题的整改');
    expect(issues[2]?.paragraphs).toHaveLength(2);
    expect(issues[5]?.suggestedCommitments).toEqual([
      { due: '2024-03', quote: '拟于2024年3月底前完成规划评审' },
      { due: '2024-06-30', quote: '计划于6月30日前提交省级全域旅游示范区验收申请', dateNote: '原文未写年份，按2024年推定' },
    ]);
    expect(readdirSync(path.join(reportsDir, 'qingchuan-20240118', 'issues')).sort()).toEqual([
      'completed-01.mdx',
      'completed-02.mdx',
      'completed-03.mdx',
      'completed-04.mdx',
      'completed-05.mdx',
      'ongoing-01.mdx',
      'ongoing-02.mdx',
    ]);
  });

  for (const variant of ['wrapped.txt', 'gb18030.txt', 'docx', 'pdf']) {
    it(`imports the ${variant} version to the same entries`, async () => {
      const expected = await importReport({ file: secondReportFile, reportsDir: freshReportsDir(), id: 'qingchuan-20240118', dryRun: true });
      const reportsDir = freshReportsDir();
      const result = await importReport({ file: sources[variant] ?? '', reportsDir, id: 'qingchuan-20240118' });
      expect(result.parsed.warnings).toEqual([]);
      const written = readTree(path.join(reportsDir, 'qingchuan-20240118'));
      const kept = `source.${variant.endsWith('.txt') ? 'txt' : variant}`;
      expect(result.published.fileName).toBe(kept);
      expect([...written.keys()].sort()).toEqual([...expected.files.keys(), kept].sort());
      for (const [name, content] of expected.files) expect(written.get(name), `${variant}: ${name}`).toBe(content);
      // The source document is kept as the report's 原文: text in UTF-8 with the same characters, other formats byte for byte.
      const original = readFileSync(sources[variant] ?? '');
      const published = variant === 'gb18030.txt' ? Buffer.from(decodeText(original).text, 'utf8') : original;
      expect(readFileSync(path.join(reportsDir, 'qingchuan-20240118', kept)).equals(published), kept).toBe(true);
      expect(result.published.convertedFrom).toBe(variant === 'gb18030.txt' ? 'gb18030' : undefined);
    });
  }

  it('tells GB18030 from UTF-8 by the bytes', () => {
    const text = '中共青川市文化广电和旅游局党组';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(readFileSync(sources['gb18030.txt'] ?? '').subarray(0, 30))).toEqual({ text, encoding: 'gb18030' });
  });
});

describe('safety', () => {
  it('--dry-run writes nothing', () => {
    const reportsDir = freshReportsDir();
    const result = runCli([secondReportFile, '--out', reportsDir, '--id', 'qc', '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Dry run, nothing written/u);
    expect(readdirSync(reportsDir)).toEqual([]);
    expect(readdirSync(path.dirname(reportsDir)).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });

  it('never replaces an existing report without --force', () => {
    const reportsDir = freshReportsDir();
    mkdirSync(path.join(reportsDir, 'qc'));
    writeFileSync(path.join(reportsDir, 'qc', 'marker'), 'keep');
    const refused = runCli([secondReportFile, '--out', reportsDir, '--id', 'qc']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/already exists: pass --force/u);
    expect(readdirSync(path.join(reportsDir, 'qc'))).toEqual(['marker']);
    const forced = runCli([secondReportFile, '--out', reportsDir, '--id', 'qc', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(path.join(reportsDir, 'qc')).sort()).toEqual(['issues', 'report.yaml', 'source.txt']);
    expect(readdirSync(path.dirname(reportsDir)).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });
});

describe('malformed input exits non-zero, names the line and writes nothing', () => {
  const lines = readFileSync(secondReportFile, 'utf8').split('\n');
  /** The fixture with `edit` applied to its lines (1-based line numbers stay as in the fixture). */
  const variant = (name: string, edit: (lines: string[]) => string[], extension = '.txt') => {
    const file = path.join(work, `${name}${extension}`);
    writeFileSync(file, edit([...lines]).join('\n'));
    return file;
  };
  const lineOf = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix)) + 1;
  const cases: { name: string; file: () => string; message: RegExp }[] = [
    {
      name: 'no problem headings',
      file: () => variant('no-problems', (all) => all.map((line) => line.replace(/^(\d+)[．.]关于/u, '关于'))),
      message: new RegExp(`line ${lineOf('（一）已整改完成的问题')}: the 已整改完成 group has no numbered problems`, 'u'),
    },
    {
      name: 'numbering that jumps',
      file: () => variant('jump', (all) => all.map((line) => line.replace(/^4．关于/u, '5．关于'))),
      message: new RegExp(`line ${lineOf('4．关于')}: problem numbering jumps: expected 4．, found 5．`, 'u'),
    },
    {
      // Sections are optional (a report may have no plan), but the date is not: it names the report.
      name: 'a missing date line',
      file: () => variant('no-date', (all) => all.filter((line) => !/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line))),
      message: new RegExp(`line ${lines.filter((line) => line.length > 0).length - 1}: no date line \\(YYYY年M月D日\\)`, 'u'),
    },
    {
      name: 'declared totals that disagree',
      file: () => variant('totals', (all) => all.map((line) => line.replace('共计5个问题已整改完成', '共计6个问题已整改完成'))),
      message: new RegExp(`line ${lineOf('对照问题清单')}: 声明数与解析数不符 the report declares 6 completed problems`, 'u'),
    },
    { name: 'an empty file', file: () => variant('empty', () => []), message: /文件为空 the file is empty/u },
    { name: 'a blank file', file: () => variant('blank', () => ['', '  ', '']), message: /line 1: 文件没有文字 the file holds no text/u },
    { name: 'an unsupported extension', file: () => variant('report', (all) => all, '.rtf'), message: /unsupported file type "\.rtf"/u },
    { name: 'an unreadable file', file: () => path.join(work, 'does-not-exist.txt'), message: /cannot read .*ENOENT/u },
    { name: 'a corrupt .docx', file: () => variant('corrupt', (all) => all, '.docx'), message: /cannot read .* as docx/u },
  ];
  for (const { name, file, message } of cases) {
    it(name, () => {
      const reportsDir = freshReportsDir();
      const result = runCli([file(), '--out', reportsDir, '--id', 'bad']);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/Import failed, nothing was written/u);
      expect(result.stderr).toMatch(message);
      expect(readdirSync(reportsDir)).toEqual([]);
    });
  }

  it('prints a warning with its line where a declared total is missing, and still imports', () => {
    const reportsDir = freshReportsDir();
    const file = variant('no-declared', (all) => all.map((line) => line.replace('共计5个问题已整改完成', '5个问题均已整改完成')));
    const result = runCli([file, '--out', reportsDir, '--id', 'qc']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`line ${lineOf('（一）已整改完成的问题')}: no declared count of completed problems`);
    // The summary says the count is not stated rather than showing the counted number as declared.
    expect(result.stdout).toMatch(/已整改完成 completed: 5（未声明 not declared）\n/u);
    expect(result.stdout).not.toMatch(/completed: 5（声明 declared/u);
    expect(readdirSync(reportsDir)).toEqual(['qc']);
  });

  it('writes only the totals a report states: none stated, none written, and the entries still import', async () => {
    const file = variant('no-totals', (all) =>
      all.map((line) =>
        line
          .replace('共指出5项7个问题', '指出了若干问题')
          .replace('共计5个问题已整改完成', '各问题已整改完成')
          .replace('共计2个问题正在整改', '有关问题正在整改'),
      ),
    );
    const result = await importReport({ file, reportsDir: freshReportsDir(), id: 'qc' });
    const yaml = result.files.get('report.yaml') ?? '';
    expect(yaml).not.toMatch(/^declared:/mu);
    expect(reportSchema.parse(parseYaml(yaml)).declared).toEqual({});
    expect(result.parsed.issues).toHaveLength(7);
    expect(formatSummary(result)).toMatch(/合计 total: 7（未声明 not declared）/u);
  });

  it('throws ImportError from the API too', async () => {
    await expect(importReport({ file: path.join(work, 'none.pdf'), reportsDir: freshReportsDir() })).rejects.toBeInstanceOf(ImportError);
  });
});

describe('the source document kept as the report’s 原文', () => {
  it('keeps a GBK web page sanitised in UTF-8 with the same text, its charset declaration saying so', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>通报</title></head><body><p>关于巡察整改进展情况的通报</p></body></html>';
    const gbk = iconv.encode(page, 'gbk');
    const kept = preparePublishedSource(gbk, '.htm');
    expect(kept.fileName).toBe('source.html');
    expect(kept.convertedFrom).toBe('gb18030');
    expect(kept.sanitised).toBe(true);
    const html = Buffer.from(kept.bytes).toString('utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>通报</title>');
    expect(html).toContain('<p>关于巡察整改进展情况的通报</p>');
    expect(html).not.toContain('gb2312');
    // A UTF-8 page is sanitised too; binary formats are kept byte for byte.
    const utf8 = preparePublishedSource(Buffer.from(page.replace('gb2312', 'utf-8'), 'utf8'), '.html');
    expect(utf8.convertedFrom).toBeUndefined();
    expect(Buffer.from(utf8.bytes).toString('utf8')).toBe(html);
    const pdf = Buffer.from('%PDF-1.7 binary \u00ff', 'latin1');
    expect(preparePublishedSource(pdf, '.PDF')).toEqual({ fileName: 'source.pdf', bytes: pdf, convertedFrom: undefined });
  });

  it('is found by the build under every extension the importer reads, labelled with its type', () => {
    const reportsDir = freshReportsDir();
    const cases = [
      ['txt', 'TXT'],
      ['pdf', 'PDF'],
      ['docx', 'DOCX'],
      ['doc', 'DOC'],
      ['wps', 'WPS'],
      ['odt', 'ODT'],
      ['html', 'HTML'],
      ['htm', 'HTML'],
    ] as const;
    for (const [extension] of cases) {
      mkdirSync(path.join(reportsDir, `r-${extension}`));
      writeFileSync(path.join(reportsDir, `r-${extension}`, `source.${extension}`), 'x'.repeat(2048));
    }
    for (const [extension, format] of cases) {
      const source = findReportSource(`r-${extension}`, reportsDir);
      expect(source, extension).toMatchObject({ fileName: `source.${extension}`, format, bytes: 2048 });
      expect(formatSourceLabel(source?.format ?? '', formatFileSize(source?.bytes ?? 0))).toBe(`原文（${format}，2.0 KB）`);
    }
    expect(listReportSources(reportsDir).size).toBe(cases.length);
  });
});
