// The importer on what offices and websites produce (#13): Word list numbering, .doc through LibreOffice, a GBK
// government web page, a Chromium-printed PDF with Noto CJK (Kangxi radicals), and reports shaped differently
// (all completed, no organisation section, no feedback date). Every fixture is generated here from fixture text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatListNumber } from '#src/import/formats/docx.ts';
import { extractPdfText } from '#src/import/formats/pdf.ts';
import { DATE_LINE, PROBLEM, SECTION, SUBSECTION } from '#src/import/patterns.ts';
import { mapRadicals } from '#src/import/radicals.ts';
import { splitParagraphs } from '#src/lib/mdx-blocks.ts';
import { splitSentences, stripWhitespace } from '#src/lib/text.ts';
import { splitFrontmatter } from '#src/loaders/disk.ts';
import { reportSchema } from '#src/schemas/report.ts';
import {
  allCompleted,
  convertWithLibreOffice,
  readParagraphs,
  secondReportFile,
  withoutOrganisationOrFeedback,
  writeGovernmentPage,
  writeListNumberedDocx,
  writePdf,
} from '#tests/fixtures/import/generate.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { createReportsDirs } from '#tests/helpers/fixtures.ts';
import { assertSystemPackages, systemPackages } from '#tests/helpers/system.ts';
import { type ImportOptions, importReport } from '../../scripts/import/import.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rk-import-offices-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const lines = readParagraphs(secondReportFile);
const id = 'qingchuan-20240118';

/** A fresh, empty reports folder. */
const freshReportsDir = createReportsDirs(work);

function run(options: Omit<ImportOptions, 'reportsDir'>) {
  return importReport({ reportsDir: freshReportsDir(), ...options });
}

function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/import/cli.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Checks that the imported files hold the report whole: every problem of `source` (a paragraph-per-line text) as an
 * entry with its status, number and verbatim title, and every sentence of the source in report.yaml or an entry.
 */
function expectWhole(files: Map<string, string>, source: readonly string[]): void {
  const entries = [...files].filter(([name]) => name.endsWith('.mdx'));
  const fronts = entries.map(([, content]) => parseYaml(splitFrontmatter(content)?.frontmatter ?? '') as { status: string; number: number; title: string });
  const problems: { status: string; number: number; title: string }[] = [];
  let status = '';
  for (const line of source) {
    if (SECTION.test(line)) status = '';
    const group = SUBSECTION.exec(line)?.[2] ?? '';
    if (/完成/u.test(group)) status = 'completed';
    if (/持续|正在/u.test(group)) status = 'ongoing';
    const problem = PROBLEM.exec(line);
    if (problem && status) problems.push({ status, number: Number(problem[1]), title: problem[2] ?? '' });
  }
  expect(problems.length).toBeGreaterThan(0);
  expect(
    fronts.map(({ status, number, title }) => ({ status, number, title })).sort((a, b) => `${a.status}${a.number}`.localeCompare(`${b.status}${b.number}`)),
  ).toEqual(problems.sort((a, b) => `${a.status}${a.number}`.localeCompare(`${b.status}${b.number}`)));
  const written = stripWhitespace(
    [files.get('report.yaml') ?? '', ...entries.map(([, content]) => splitParagraphs(splitFrontmatter(content)?.body ?? '').join(''))].join('\n'),
  );
  const date = source.map((line) => DATE_LINE.exec(line)).find(Boolean);
  expect(files.get('report.yaml')).toContain(`date: ${date?.[1]}-${date?.[2]?.padStart(2, '0')}-${date?.[3]?.padStart(2, '0')}`);
  // Headings are stored without their printed ordinals (一、 （一）), which the page and deck draw again.
  const sentences = source
    .filter((line) => !PROBLEM.test(line) && !DATE_LINE.test(line))
    .map((line) => line.replace(SECTION, '$2').replace(SUBSECTION, '$2'))
    .flatMap((line) => splitSentences(line));
  expect(sentences.length).toBeGreaterThan(10);
  for (const sentence of sentences) expect(written, sentence).toContain(stripWhitespace(sentence));
}

describe('reports shaped differently', () => {
  it('imports a report whose problems were all completed, with no ongoing group', async () => {
    const source = allCompleted(lines);
    const file = path.join(work, 'all-completed.txt');
    writeFileSync(file, source.join('\n'));
    const result = await run({ file, id });
    expect(result.parsed.warnings).toEqual([]);
    expect(result.parsed.issues.map((issue) => issue.status)).toEqual(Array(5).fill('completed'));
    const data = reportSchema.parse(parseYaml(result.files.get('report.yaml') ?? ''));
    // Only the totals the report states: it has no ongoing group, so states no ongoing count.
    expect(data.declared).toEqual({ items: 5, problems: 5, completed: 5 });
    expect(data.implementation.ongoingIntro).toBeUndefined();
    expectWhole(result.files, source);
  });

  it('leaves out a missing organisation section and feedback date with a warning each', async () => {
    const source = withoutOrganisationOrFeedback(lines);
    const file = path.join(work, 'follow-up.txt');
    writeFileSync(file, source.join('\n'));
    const cli = runCli([file, '--out', freshReportsDir(), '--id', id]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/no organisation section \(整改工作组织情况\); organisation left out/u);
    expect(cli.stdout).toMatch(/no feedback date .*inspection\.feedback left out/u);
    const result = await run({ file, id });
    const data = reportSchema.parse(parseYaml(result.files.get('report.yaml') ?? ''));
    expect(data.organisation).toBeUndefined();
    expect(data.inspection.feedback).toBeUndefined();
    expect(data.inspection).toMatchObject({ team: '市委第四巡察组', start: '2023-08-07', end: '2023-09-15' });
    expect(data.implementation.heading).toBe('整改落实情况');
    expect(data.plan?.heading).toBe('下一步工作打算');
    expectWhole(result.files, source);
  });

  it('still refuses declared totals that disagree', async () => {
    const file = path.join(work, 'all-completed-bad.txt');
    writeFileSync(
      file,
      allCompleted(lines)
        .map((line) => line.replace('共计5个问题已整改完成', '共计6个问题已整改完成'))
        .join('\n'),
    );
    await expect(run({ file, id })).rejects.toThrow(/the report declares 6 completed problems \(已整改完成\) but 5 were found/u);
  });
});

describe('what offices and websites produce', () => {
  const files: Record<string, string> = {};
  let expected: Map<string, string>;
  beforeAll(async () => {
    assertSystemPackages(systemPackages.filter((entry) => ['chromium', 'libreoffice-writer', 'fonts-noto-cjk'].includes(entry.name)));
    expected = (await importReport({ file: secondReportFile, reportsDir: freshReportsDir(), id, dryRun: true })).files;
    files['docx'] = path.join(work, 'numbered.docx');
    await writeListNumberedDocx(lines, files['docx']);
    files['styled'] = path.join(work, 'numbered-by-styles.docx');
    await writeListNumberedDocx(lines, files['styled'], { viaStyles: true });
    files['doc'] = path.join(work, 'numbered.doc');
    convertWithLibreOffice(files['docx'], 'doc', files['doc']);
    files['html'] = path.join(work, 'page.html');
    await writeGovernmentPage(lines, files['html'], {
      indexNumber: '114300000012345678/2024-00012',
      publisher: '中共青川市文化广电和旅游局党组',
      published: '2024-01-18',
      documentNumber: '青文旅党〔2024〕3号',
    });
    files['pdf'] = path.join(work, 'noto-cjk.pdf');
    await writePdf(lines, files['pdf'], { systemFont: 'Noto Sans CJK SC' });
  }, 180_000);

  /** The written report equals the paragraph-per-line import, file by file (report.yaml less `extraKeys`). */
  async function expectSameAsText(file: string, extraKeys: string[] = []) {
    const reportsDir = freshReportsDir();
    const result = await importReport({ file, reportsDir, id });
    const written = new Map<string, string>();
    const walk = (sub: string) => {
      for (const entry of readdirSync(path.join(reportsDir, id, sub), { withFileTypes: true })) {
        const name = path.join(sub, entry.name);
        if (entry.isDirectory()) walk(name);
        else written.set(name, readFileSync(path.join(reportsDir, id, name), 'utf8'));
      }
    };
    walk('');
    // The source document itself is kept beside the entries as the report's 原文 (its bytes: tests/office/import.test.ts).
    const kept = result.published.fileName;
    expect(kept).toBe(`source.${path.extname(file).slice(1).toLowerCase().replace(/^htm$/u, 'html')}`);
    expect(written.has(kept), kept).toBe(true);
    written.delete(kept);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      // The fixture's Word list draws every number as N． (its 3. is printed 3． there), so the printed ordinal may differ in width only.
      const sameWidth = (text: string | undefined) => text?.replace(/^ordinal: "?\d+\."?\n/mu, '');
      if (name !== 'report.yaml') expect(sameWidth(written.get(name)), name).toBe(sameWidth(content));
    }
    const report = parseYaml(written.get('report.yaml') ?? '') as Record<string, unknown>;
    for (const key of extraKeys) delete report[key];
    expect(report).toEqual(parseYaml(expected.get('report.yaml') ?? ''));
    expectWhole(written, lines);
    return result;
  }

  it('rebuilds Word list numbers (一、 （一） 1．) from numbering.xml', async () => {
    const zip = await JSZip.loadAsync(readFileSync(files['docx'] ?? ''));
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // The numbers really are Word's: not in the paragraph text, only in the list definition.
    expect(documentXml).toContain('整改工作组织情况');
    expect(documentXml).not.toContain('一、整改工作组织情况');
    expect(documentXml).not.toContain('（一）已整改完成的问题');
    expect((await zip.file('word/numbering.xml')?.async('string')) ?? '').toContain('chineseCounting');
    const result = await expectSameAsText(files['docx'] ?? '');
    expect(result.parsed.warnings).toEqual([]);
  });

  it('rebuilds list numbers that heading styles carry', async () => {
    const zip = await JSZip.loadAsync(readFileSync(files['styled'] ?? ''));
    expect((await zip.file('word/document.xml')?.async('string')) ?? '').not.toContain('<w:numPr>');
    expect((await zip.file('word/styles.xml')?.async('string')) ?? '').toContain('<w:numPr>');
    await expectSameAsText(files['styled'] ?? '');
  });

  it('reads a .doc saved by LibreOffice, converting it with headless LibreOffice', async () => {
    expect(
      readFileSync(files['doc'] ?? '')
        .subarray(0, 4)
        .toString('hex'),
    ).toBe('d0cf11e0');
    const result = await expectSameAsText(files['doc'] ?? '');
    expect(result.source.format).toBe('doc');
  });

  it('fails in one line naming LibreOffice when it is missing', () => {
    const cli = runCli([files['doc'] ?? '', '--out', freshReportsDir(), '--id', id], { SOFFICE_PATH: path.join(work, 'no-soffice') });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/Reading \.doc needs LibreOffice: install it \(apt-get install libreoffice-writer\) or save the file as \.docx\./u);
    expect(cli.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('finds the article and the 信息公开 metadata of a GBK government page', async () => {
    const bytes = readFileSync(files['html'] ?? '');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = await expectSameAsText(files['html'] ?? '', ['indexNumber', 'documentNumber']);
    const report = reportSchema.parse(parseYaml(result.files.get('report.yaml') ?? ''));
    expect(report.indexNumber).toBe('114300000012345678/2024-00012');
    expect(report.documentNumber).toBe('青文旅党〔2024〕3号');
    expect(result.source.encoding).toMatch(/^gb18030/u);
    // Navigation, share links and footer stay out.
    const all = [...result.files.values()].join('\n');
    for (const chrome of ['当前位置', '分享到', '网站标识码', '打印本页', '相关链接', '浏览次数']) expect(all).not.toContain(chrome);
  });

  it('maps the Kangxi radicals of a Chromium-printed Noto CJK PDF back to ideographs and says how many', async () => {
    const raw = await extractPdfText(readFileSync(files['pdf'] ?? ''));
    // The fixture reproduces the defect: pdf.js extracts radicals, not ideographs.
    for (const radical of ['⼀', '⼯', '⻅']) expect(raw).toContain(radical);
    const { mapped } = mapRadicals(raw);
    expect(mapped).toBeGreaterThan(0);
    const result = await expectSameAsText(files['pdf'] ?? '');
    expect(result.radicalsMapped).toBe(mapped);
    const cli = runCli([files['pdf'] ?? '', '--out', freshReportsDir(), '--id', id, '--dry-run']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`Kangxi/CJK radicals mapped to unified ideographs: ${mapped}`);
  });
});

describe('radical mapping', () => {
  it('maps radicals one by one and leaves full-width punctuation alone (no NFKC)', () => {
    expect(mapRadicals('⼀、整改⼯作组织情况（⻘川）：⺠⻅，')).toEqual({ text: '一、整改工作组织情况（青川）：民见，', mapped: 5 });
  });
});

describe('Word number formats', () => {
  it('draws counters as Word does', () => {
    const drawn = [
      [3, 'chineseCounting'],
      [12, 'chineseCountingThousand'],
      [20, 'taiwaneseCountingThousand'],
      [2, 'ideographTraditional'],
      [11, 'chineseLegalSimplified'],
      [10, 'ideographDigital'],
      [3, 'decimalEnclosedCircleChinese'],
      [4, 'upperRoman'],
      [28, 'lowerLetter'],
      [7, 'decimalFullWidth'],
    ].map(([value, format]) => formatListNumber(Number(value), String(format)));
    expect(drawn).toEqual(['三', '十二', '二十', '乙', '拾壹', '一〇', '③', 'IV', 'bb', '７']);
  });
});
