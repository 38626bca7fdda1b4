// Generates realistic Chinese reports for the benchmark: sentences of the seed report recombined
// (deterministically, from a seeded PRNG) into report folders in the collection's exact format,
// report.yaml + issues/<status>-<nn>.mdx, that pass validateReportsFolder.
//
//   npx node scripts/bench/generate-reports.ts --problems 1000 --out /tmp/reports [--per-report 25] [--seed 1]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { escapeMdx, splitParagraphs, splitSentences } from '../../src/lib/text.ts';
import { splitFrontmatter } from '../../src/loaders/disk.ts';

/** What the generator recombines: the seed's report.yaml and its problems' titles and sentences. */
export interface SeedCorpus {
  /** The seed report.yaml, parsed (plain YAML values, dates as the parser gives them). */
  report: Record<string, unknown>;
  /** The seed problems' titles as printed, without number. */
  titles: string[];
  /** The seed problems' short titles (≤ 20 characters). */
  shortTitles: string[];
  /** The first sentence of each paragraph, ordinal removed (a measure's lead, ends in 。). */
  leads: string[];
  /** Every other sentence of the bodies. */
  sentences: string[];
  /** Forward-looking sentences (下一步…/将…), for ongoing problems and commitments. */
  plans: string[];
}

/** One generated file, relative to the reports folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** One generated report folder. */
export interface GeneratedReport {
  id: string;
  problems: number;
  completed: number;
  ongoing: number;
  files: GeneratedFile[];
}

export interface GenerateOptions {
  /** Total problems to generate across all reports. */
  problems: number;
  /** Problems per report (the last report takes the remainder). Default 25, like the seed. */
  perReport?: number | undefined;
  /** PRNG seed. Default 1. */
  seed?: number | undefined;
  /** Prefix of the report ids. Default "bench". */
  idPrefix?: string | undefined;
}

export const DEFAULT_SEED_DIR = path.resolve(import.meta.dirname, '../../content/reports/szkj-20220422');

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MEASURE_ORDINAL = /^[一二三四五六七八九十]+是/u;
const ISSUERS = [
  '中共苏州市科学技术局党组',
  '中共苏州市工业和信息化局党组',
  '中共苏州市商务局党组',
  '中共苏州市农业农村局党组',
  '中共苏州市生态环境局党组',
  '中共苏州市住房和城乡建设局党组',
  '中共苏州市交通运输局党组',
  '中共苏州市教育局党组',
  '中共苏州市卫生健康委员会党组',
  '中共苏州市文化广电和旅游局党组',
  '中共苏州市市场监督管理局党组',
  '中共苏州市人力资源和社会保障局党组',
];
const TEAMS = ['市委第一巡察组', '市委第二巡察组', '市委第三巡察组', '市委第四巡察组', '市委第五巡察组', '市委第六巡察组'];
const UNITS = '万元|亿元|万次|万人|家|个|项|名|人|次|场|期|篇|件|条|岁|批|套|所|户|%';
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(${UNITS})`, 'gu');

/** Mulberry32: a small, fast, deterministic PRNG returning [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function shuffled<T>(random: () => number, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Reads the seed report folder into a corpus of titles and sentences. */
export function loadSeedCorpus(seedDir: string = DEFAULT_SEED_DIR): SeedCorpus {
  const report = parse(readFileSync(path.join(seedDir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
  const corpus: SeedCorpus = { report, titles: [], shortTitles: [], leads: [], sentences: [], plans: [] };
  const folder = path.join(seedDir, 'issues');
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.mdx'))
    .sort()) {
    const parts = splitFrontmatter(readFileSync(path.join(folder, name), 'utf8'));
    if (!parts) throw new Error(`${name}: seed problem without frontmatter`);
    const { frontmatter, body } = parts;
    const data = parse(frontmatter) as { title: string; shortTitle: string };
    corpus.titles.push(data.title);
    corpus.shortTitles.push(data.shortTitle);
    for (const paragraph of splitParagraphs(body)) {
      const sentences = splitSentences(paragraph.replace(MEASURE_ORDINAL, ''));
      sentences.forEach((sentence, index) => {
        if (/^(下一步|我局将|将)/u.test(sentence) || /下一步/u.test(sentence)) corpus.plans.push(sentence);
        else if (index === 0 && sentence.endsWith('。') && sentence.length <= 40) corpus.leads.push(sentence);
        else corpus.sentences.push(sentence);
      });
    }
  }
  if (corpus.leads.length === 0 || corpus.sentences.length === 0) throw new Error(`${seedDir}: the seed holds too little text to recombine`);
  if (corpus.plans.length === 0) corpus.plans.push(...corpus.sentences.slice(0, 1));
  return corpus;
}

/** A sentence ending in a full stop, so a paragraph reads as prose (；-ended fragments get 。). */
const closeSentence = (sentence: string) => (/[。！？]$/u.test(sentence) ? sentence : `${sentence.replace(/[；，、]$/u, '')}。`);

/** A problem body: 1–4 measures, each a lead and a few sentences; ongoing problems end with a plan sentence. */
function generateBody(random: () => number, corpus: SeedCorpus, ongoing: boolean): string[] {
  const count = between(random, 1, 4);
  const paragraphs: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const parts = [pick(random, corpus.leads)];
    const extra = between(random, 1, 4);
    for (let i = 0; i < extra; i += 1) parts.push(pick(random, corpus.sentences));
    if (ongoing && index === count - 1) parts.push(pick(random, corpus.plans));
    const text = parts.map((part, i) => (i === parts.length - 1 ? closeSentence(part) : part)).join('');
    paragraphs.push(count > 1 ? `${ORDINALS[index] ?? '十'}是${text}` : text);
  }
  return paragraphs;
}

/** Up to three key figures found in the body, each labelled with the words before it. */
function findHighlights(random: () => number, paragraphs: readonly string[]): { value: string; unit: string; label: string }[] {
  const found: { value: string; unit: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(FIGURE)) {
      const [whole, value, unit] = match as unknown as [string, string, string];
      const before = paragraph.slice(0, match.index);
      // The label: the Chinese words just before the figure, back to the previous punctuation mark.
      const label = (/([\p{Script=Han}A-Za-z“”]{2,16})$/u.exec(before.replace(/\d+年|\d+月|\d+日/gu, ''))?.[1] ?? '').replace(/[“”]/gu, '');
      // Skip years and dates, and figures directly followed by 年/月 (2021年 is a year, not a figure).
      if (/年$|月$/u.test(before) || label.length < 2 || seen.has(whole)) continue;
      seen.add(whole);
      found.push({ value, unit, label: label.slice(-12) });
    }
  }
  return shuffled(random, found).slice(0, between(random, 0, 3));
}

/** Formats a day as YYYY-MM-DD. */
const day = (year: number, month: number, date: number) => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** Shifts every YYYY-MM-DD (or Date) by whole years. */
function shiftYear(value: unknown, years: number): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.replace(/^(\d{4})/u, (year) => String(Number(year) + years));
}

/** The report.yaml of generated report `index`, built on the seed's, with consistent totals and dates. */
function generateReportData(
  random: () => number,
  corpus: SeedCorpus,
  index: number,
  counts: { problems: number; completed: number; ongoing: number; items: number },
): Record<string, unknown> {
  const seed = structuredClone(corpus.report) as Record<string, any>;
  const years = (index % 6) - 3; // 2019 … 2024 reports around the seed's 2022
  const seedDate = String(seed.date instanceof Date ? seed.date.toISOString().slice(0, 10) : seed.date);
  const year = Number(seedDate.slice(0, 4)) + years;
  const issuer = ISSUERS[index % ISSUERS.length] as string;
  const team = TEAMS[Math.floor(index / ISSUERS.length) % TEAMS.length] as string;
  const withYears = (text: string) => text.replace(/(\d{4})年/gu, (_, y: string) => `${Number(y) + years}年`);
  const seedIntroCounts = /\d+项\d+个问题/u;
  const data: Record<string, unknown> = {
    ...seed,
    issuer,
    signature: issuer,
    date: day(year, between(random, 3, 6), between(random, 1, 28)),
    inspection: {
      ...seed.inspection,
      team,
      start: shiftYear(seed.inspection.start, years),
      end: shiftYear(seed.inspection.end, years),
      feedback: shiftYear(seed.inspection.feedback, years),
      ...(seed.inspection.dateNote ? { dateNote: withYears(seed.inspection.dateNote) } : {}),
    },
    declared: { items: counts.items, problems: counts.problems, completed: counts.completed, ongoing: counts.ongoing },
    preface: (seed.preface as string[]).map((paragraph) => withYears(paragraph).replace(/市委第.巡察组/gu, team)),
    organisation: {
      ...seed.organisation,
      intro: String(seed.organisation.intro).replace(seedIntroCounts, `${counts.items}项${counts.problems}个问题`),
    },
    implementation: {
      ...seed.implementation,
      completedIntro: String(seed.implementation.completedIntro).replace(/共计\d+个问题/u, `共计${counts.completed}个问题`),
      ongoingIntro: String(seed.implementation.ongoingIntro).replace(/共计\d+个问题/u, `共计${counts.ongoing}个问题`),
    },
    events: ((seed.events ?? []) as Record<string, unknown>[]).map((event) => ({
      ...event,
      date: shiftYear(event['date'], years),
      ...(event['dateNote'] ? { dateNote: withYears(String(event['dateNote'])) } : {}),
    })),
  };
  return data;
}

/** The MDX file of one problem. */
function problemFile(frontmatter: Record<string, unknown>, paragraphs: readonly string[]): string {
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${paragraphs.map(escapeMdx).join('\n\n')}\n`;
}

/** Generates `problems` problems as report folders of `perReport` problems each (pure: no I/O). */
export function generateReports(corpus: SeedCorpus, options: GenerateOptions): GeneratedReport[] {
  const perReport = Math.max(1, Math.floor(options.perReport ?? 25));
  const total = Math.max(0, Math.floor(options.problems));
  const prefix = options.idPrefix ?? 'bench';
  const reportCount = Math.ceil(total / perReport);
  const idWidth = Math.max(4, String(reportCount).length);
  const reports: GeneratedReport[] = [];
  for (let index = 0; index < reportCount; index += 1) {
    const random = createRandom(((options.seed ?? 1) * 0x9e3779b1 + index * 7919) >>> 0);
    const problems = Math.min(perReport, total - index * perReport);
    const ongoing = problems <= 1 ? 0 : Math.min(problems - 1, between(random, 1, 5));
    const completed = problems - ongoing;
    const items = Math.max(1, Math.min(problems, Math.round(problems / between(random, 2, 4))));
    const id = `${prefix}-${String(index + 1).padStart(idWidth, '0')}`;
    const data = generateReportData(random, corpus, index, { problems, completed, ongoing, items });
    const year = Number(String(data['date']).slice(0, 4));
    const files: GeneratedFile[] = [
      { path: `${id}/report.yaml`, content: `# Generated by scripts/bench/generate-reports.ts for the benchmark.\n${stringify(data, { lineWidth: 0 })}` },
    ];
    // Titles follow a shuffled order of the seed's, so each report reads like a real list of problems.
    const order = shuffled(
      random,
      corpus.titles.map((_, i) => i),
    );
    const numberWidth = Math.max(2, String(Math.max(completed, ongoing)).length);
    let position = 0;
    for (const [status, count] of [
      ['completed', completed],
      ['ongoing', ongoing],
    ] as const) {
      for (let number = 1; number <= count; number += 1) {
        const source = order[position % order.length] as number;
        position += 1;
        const paragraphs = generateBody(random, corpus, status === 'ongoing');
        const frontmatter: Record<string, unknown> = {
          report: id,
          status,
          number,
          title: corpus.titles[source],
          shortTitle: corpus.shortTitles[source],
        };
        const highlights = findHighlights(random, paragraphs);
        if (highlights.length > 0) frontmatter['highlights'] = highlights;
        if (status === 'ongoing') {
          // The commitment quotes the plan sentence that closes the last measure.
          const last = paragraphs[paragraphs.length - 1] ?? '';
          const plan = corpus.plans.find((sentence) => last.endsWith(closeSentence(sentence)));
          if (plan) {
            const quote = closeSentence(plan).replace(/。$/u, '');
            const month = between(random, 0, 12);
            frontmatter['commitments'] = [{ due: month === 0 ? String(year + 1) : `${year}-${String(month).padStart(2, '0')}`, quote }];
          }
        }
        files.push({ path: `${id}/issues/${status}-${String(number).padStart(numberWidth, '0')}.mdx`, content: problemFile(frontmatter, paragraphs) });
      }
    }
    reports.push({ id, problems, completed, ongoing, files });
  }
  return reports;
}

/** Writes generated reports into `dir` (emptied first when `clean`). Returns the reports written. */
export function writeReports(dir: string, reports: readonly GeneratedReport[], { clean = true } = {}): GeneratedReport[] {
  if (clean && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  for (const report of reports) {
    for (const file of report.files) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  return [...reports];
}

/** Loads the seed, generates and writes: what the CLI and the benchmark call. */
export function generateReportsFolder(dir: string, options: GenerateOptions & { seedDir?: string | undefined }): GeneratedReport[] {
  return writeReports(dir, generateReports(loadSeedCorpus(options.seedDir), options));
}

function parseArgs(argv: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    args[key] = inline ?? (argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[++i]! : 'true');
  }
  return args;
}

if (import.meta.main) {
  const args = parseArgs(process.argv.slice(2));
  if (!args['problems'] || !args['out'] || args['help']) {
    console.error('usage: npx node scripts/bench/generate-reports.ts --problems N --out DIR [--per-report 25] [--seed 1] [--seed-dir DIR] [--validate]');
    process.exit(args['help'] ? 0 : 2);
  }
  const out = path.resolve(args['out']);
  const reports = generateReportsFolder(out, {
    problems: Number(args['problems']),
    perReport: args['per-report'] ? Number(args['per-report']) : undefined,
    seed: args['seed'] ? Number(args['seed']) : undefined,
    seedDir: args['seed-dir'],
  });
  console.log(`wrote ${reports.length} reports, ${reports.reduce((sum, r) => sum + r.problems, 0)} problems, into ${out}`);
  if (args['validate']) {
    const { validateReportsFolder } = await import('../../src/loaders/disk.ts');
    const errors = validateReportsFolder(out);
    if (errors.length > 0) {
      console.error(errors.join('\n'));
      process.exit(1);
    }
    console.log('valid');
  }
}
