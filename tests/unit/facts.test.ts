// One home per fact: labels, the base path, text normalisation, the report's numbering, and their callers.
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutTotalsChart } from '#src/deck/chart.ts';
import { getDocumentEntryPath, LIST_PAGE_SIZE } from '#src/lib/archive.ts';
import { listCitedDocuments } from '#src/lib/documents.ts';
import type { ReportEntry } from '#src/lib/entries.ts';
import { formatPageTitle, getCommitmentStateLabel, getStatusGroupLabel, getStatusLabel, labels } from '#src/lib/labels.ts';
import { listIssuesByStatus } from '#src/lib/order.ts';
import { formatChineseNumeral, getReportSections, listStatusGroups } from '#src/lib/sections.ts';
import { getReportStats } from '#src/lib/stats.ts';
import { isIgnoredForMatch, isZeroWidth, normalizeForMatch, stripWhitespace, stripZeroWidth } from '#src/lib/text.ts';
import { getReportPath, pathWithBase } from '#src/lib/urls.ts';
import { loadValidReportsFolder, readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';
import { issueStatuses } from '#src/schemas/issue.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { isIgnoredChar } from '#src/search/match.ts';
import { projectRoot } from '#tests/helpers/build.ts';
import { copyReports, editFile, minimalReportsDir } from '#tests/helpers/fixtures.ts';

const contentDir = path.join(projectRoot, 'content/reports');
const { reports: published } = readReportsFromDisk(contentDir);
const { reports } = readReportsFromDisk(minimalReportsDir);
const { issues } = readIssuesFromDisk(minimalReportsDir);
const report = reports[0] as ReportEntry;

/** Every source file under a folder with one of the given extensions. */
function listSources(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => extensions.some((extension) => file.endsWith(extension)) && statSync(file).isFile());
}

describe('labels', () => {
  it('word the statuses as the published reports do', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const { data } of published) {
      expect(data.implementation.completedHeading).toBe(labels.statusGroup.completed);
      expect(data.implementation.ongoingHeading).toBe(labels.statusGroup.ongoing);
      expect(data.implementation.completedIntro).toContain(labels.status.completed);
    }
  });

  it('agree between status, group heading, schema default and chart', () => {
    for (const status of issueStatuses) {
      expect(getStatusLabel(status)).toBe(labels.status[status]);
      expect(getStatusGroupLabel(status)).toBe(`${getStatusLabel(status)}的问题`);
    }
    const parsed = reportSchema.safeParse({
      ...report.data,
      implementation: { ...report.data.implementation, completedHeading: undefined, ongoingHeading: undefined },
    });
    expect(parsed.success && parsed.data.implementation.completedHeading).toBe(labels.statusGroup.completed);
    expect(parsed.success && parsed.data.implementation.ongoingHeading).toBe(labels.statusGroup.ongoing);
    const segments = layoutTotalsChart(getReportStats(report, issues)).rows.flatMap((row) => row.segments);
    for (const segment of segments) expect(segment.label).toBe(getStatusLabel(segment.key));
    expect(getCommitmentStateLabel('past-due')).toBe(labels.commitmentState['past-due']);
  });

  it('are the only place the site title and status wording are written in what renders the site and the deck', () => {
    const labelsFile = path.join(projectRoot, 'src/lib/labels.ts');
    // The importer is left out: its patterns quote the printed source (共计N个问题已整改完成), not a label.
    const rendering = ['src/lib', 'src/pages', 'src/components', 'src/layouts', 'src/deck', 'src/search', 'src/integrations', 'slides'];
    const sources = rendering.flatMap((dir) => listSources(path.join(projectRoot, dir), ['.ts', '.astro']));
    expect(sources).toContain(labelsFile);
    const wordings = [labels.site.title, labels.status.completed, labels.status.ongoing, '已完成'];
    const offenders = sources
      .filter((file) => file !== labelsFile)
      .flatMap((file) => {
        // Doc comments may name a status in words; code may not.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
        return wordings.filter((wording) => code.includes(wording)).map((wording) => `${path.relative(projectRoot, file)}: ${wording}`);
      });
    expect(offenders).toEqual([]);
  });

  it('put the site title after a page title, once', () => {
    expect(formatPageTitle('搜索')).toBe(`搜索 - ${labels.site.title}`);
    expect(formatPageTitle(labels.site.title)).toBe(labels.site.title);
  });
});

describe('pathWithBase', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('prefixes the root base', () => {
    expect(import.meta.env.BASE_URL).toBe('/');
    expect(pathWithBase('')).toBe('/');
    expect(pathWithBase('search/')).toBe('/search/');
    expect(pathWithBase('/favicon.svg')).toBe('/favicon.svg');
    expect(pathWithBase(getReportPath('demo-2023'))).toBe('/reports/demo-2023/');
  });

  it.each(['/archive/', '/archive'])('prefixes a sub-path base written %s, with one slash between', async (base) => {
    vi.stubEnv('BASE_URL', base);
    vi.resetModules();
    const urls = await import('#src/lib/urls.ts');
    expect(urls.pathWithBase('')).toBe('/archive/');
    expect(urls.pathWithBase('search/')).toBe('/archive/search/');
    expect(urls.pathWithBase('//deck-fonts/fonts.css')).toBe('/archive/deck-fonts/fonts.css');
    expect(urls.pathWithBase(urls.getDeckSlidePath('r', 'completed-01'))).toBe('/archive/reports/r/deck/#/issue-completed-01');
  });

  it('is the only reader of BASE_URL in src/ and slides/', () => {
    const sources = [...listSources(path.join(projectRoot, 'src'), ['.ts', '.astro']), ...listSources(path.join(projectRoot, 'slides'), ['.ts', '.astro'])];
    const readers = sources.filter((file) => readFileSync(file, 'utf8').includes('BASE_URL')).map((file) => path.relative(projectRoot, file));
    expect(readers).toEqual(['src/lib/urls.ts']);
  });
});

describe('document index links', () => {
  const documents = listCitedDocuments(issues);

  it('point to the page and anchor of a listed document', () => {
    const first = documents[0];
    expect(first).toBeDefined();
    expect(getDocumentEntryPath(first?.key ?? '', documents)).toMatch(/^documents\/#doc-[0-9a-f]{8}$/u);
    const many = Array.from({ length: LIST_PAGE_SIZE + 1 }, (_, index) => ({ key: `k${index}`, title: null, number: `k${index}`, citedBy: [] }));
    expect(getDocumentEntryPath(`k${LIST_PAGE_SIZE}`, many)).toMatch(/^documents\/2\/#doc-/u);
  });

  it('fail, naming the key, for a document the index lacks', () => {
    expect(() => getDocumentEntryPath('苏科规〔2099〕9号', documents)).toThrow(/苏科规〔2099〕9号/u);
  });
});

describe('report numbering', () => {
  it('writes Chinese numerals as reports do', () => {
    expect([1, 2, 3, 10, 11, 20, 21, 99].map(formatChineseNumeral)).toEqual(['一', '二', '三', '十', '十一', '二十', '二十一', '九十九']);
    expect(() => formatChineseNumeral(0)).toThrow(/0/u);
  });

  it('numbers the sections 一、二、三 with the report headings', () => {
    const sections = getReportSections(report);
    expect(sections.organisation).toEqual({ key: 'organisation', ordinal: '一、', heading: report.data.organisation?.heading });
    expect(sections.implementation?.ordinal).toBe('二、');
    expect(sections.plan).toEqual({ key: 'plan', ordinal: '三、', heading: report.data.plan?.heading });
  });

  it('lists the status groups in order with their problems', () => {
    const groups = listStatusGroups(report, issues);
    expect(groups.map((group) => [group.status, group.ordinal, group.heading])).toEqual([
      ['completed', '（一）', report.data.implementation.completedHeading],
      ['ongoing', '（二）', report.data.implementation.ongoingHeading],
    ]);
    for (const group of groups) expect(group.issues).toEqual(listIssuesByStatus(report.id, group.status, issues));
    expect(groups.flatMap((group) => group.issues)).toHaveLength(issues.length);
  });
});

describe('text normalisation', () => {
  it('treats every zero-width character alike, the word joiner included', () => {
    for (const char of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(isZeroWidth(char)).toBe(true);
      expect(stripZeroWidth(`党${char}建`)).toBe('党建');
      expect(stripWhitespace(`党${char} 建`)).toBe('党建');
      expect(normalizeForMatch(`党${char}建`)).toBe('党建');
    }
    expect(isZeroWidth('a')).toBe(false);
  });

  it('is the same rule in the search index and the data layer', () => {
    const sample = '苏科资 〔2022〕\u2060 1号，4035.4万元 占12%「Ab」\u3000E2C606';
    for (const char of sample) expect(isIgnoredChar(char)).toBe(isIgnoredForMatch(char));
    expect(normalizeForMatch(sample)).toBe(
      [...sample]
        .filter((char) => !isIgnoredChar(char))
        .join('')
        .toLowerCase(),
    );
  });
});

describe('folder validation', () => {
  it('validates an unchanged folder once and a changed one again', () => {
    const dir = copyReports();
    const relative = 'demo-2023/report.yaml';
    const file = path.join(dir, relative);
    // A whole-second time, which the file system stores exactly and utimes can restore.
    const time = new Date('2024-01-01T00:00:00Z');
    utimesSync(file, time, time);
    loadValidReportsFolder(dir);
    // Same size and time: an edit the signature cannot see, so a second validation would be the only way to notice it.
    editFile(dir, relative, (text) => text.replace(/(\n\s+problems: )(\d)\n/u, (_, head, n) => `${head}${(Number(n) + 1) % 10}\n`));
    utimesSync(file, time, time);
    expect(() => loadValidReportsFolder(dir)).not.toThrow();
    utimesSync(file, time, new Date(time.getTime() + 1000));
    expect(() => loadValidReportsFolder(dir)).toThrow(/declared\.problems/u);
  });
});
