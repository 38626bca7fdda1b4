// npm run export:pptx [report-id…]: writes each report's deck as an editable PowerPoint file,
// exports/<report-id>.pptx, its brief form as exports/<report-id>-brief.pptx, and each deck across reports
// (slides/decks/<name>.yaml) as exports/decks/<name>.pptx (EXPORT_DIR overrides the folder). Reads the collection
// straight from REPORTS_DIR with the build's own validation and the slides/ configs; no site build is needed.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getSlidesDir, listCrossDeckConfigs, readDeckConfig } from '#src/deck/config-file.ts';
import { getBuildDate, planCrossDeck } from '#src/deck/cross-plan.ts';
import { type MdxSlideText, readMdxSlideText } from '#src/deck/mdx-text.ts';
import { composePptxDeck, composePptxSlides } from '#src/deck/pptx/compose.ts';
import type { PptxDeck } from '#src/deck/pptx/model.ts';
import { isUntouchedExport, writePptx } from '#src/deck/pptx/write.ts';
import { writeFileAtomically } from '#src/lib/atomic-write.ts';
import { getPublicUrl, getReportPath } from '#src/lib/urls.ts';
import { readReportsFolder } from '#src/loaders/disk.ts';
import { getReportsDir } from '#src/loaders/paths.ts';

const usage = `用法 Usage: npm run export:pptx -- [report-id | report-id-brief | decks/name …] [--force]
  默认导出全部通报（完整版和简要版）及 slides/decks/ 中的跨通报汇报；REPORTS_DIR 指定通报目录，EXPORT_DIR 指定输出目录（默认 exports）。
  已在 PowerPoint/WPS 中修改并保存过的同名文件不会被覆盖，除非加 --force。
  Exports every report (full and brief forms) and every deck across reports in slides/decks/ by default; REPORTS_DIR sets the reports folder, EXPORT_DIR the output folder (default exports).
  A file of the same name that was edited and saved in PowerPoint or WPS is not replaced without --force.`;

/** The text of each hand-written slide a deck config names, read from slides/<report-id>/<file>.mdx. */
function readMdxSlides(reportId: string, sections: readonly string[], slidesDir: string): Map<string, MdxSlideText> {
  const texts = new Map<string, MdxSlideText>();
  for (const section of sections.filter((s) => s.startsWith('mdx:'))) {
    const name = section.slice('mdx:'.length);
    const file = path.join(slidesDir, reportId, `${name}.mdx`);
    if (!existsSync(file))
      throw new Error(
        `${path.relative(process.cwd(), path.join(slidesDir, reportId, 'deck.yaml'))}: mdx:${name} names ${path.relative(process.cwd(), file)}, which does not exist`,
      );
    try {
      texts.set(name, readMdxSlideText(readFileSync(file, 'utf8'), name));
    } catch (error) {
      throw new Error(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
    }
  }
  return texts;
}

const argOptions = { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

async function main(): Promise<number> {
  let parsedArgs: ReturnType<typeof parseArgs<{ options: typeof argOptions; allowPositionals: true }>>;
  try {
    parsedArgs = parseArgs({ options: argOptions, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals: args } = parsedArgs;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const force = values.force === true;
  const reportsDir = getReportsDir();
  const { reports, issues, errors } = readReportsFolder(reportsDir);
  if (errors.length > 0) {
    console.error(`通报内容有误，未导出。The content collection is invalid (${errors.length}); nothing was written:\n${errors.join('\n')}`);
    return 1;
  }
  const exportDir = path.resolve(process.env['EXPORT_DIR'] ?? 'exports');
  const slidesDir = getSlidesDir();
  const site = process.env['SITE_URL'] || undefined;
  const base = process.env['BASE_PATH'] ?? '/';
  const crossDecks = listCrossDeckConfigs(slidesDir);
  // What each argument may name: a report (both forms), a report's brief form, a deck across reports.
  const names = (id: string) => [id, `${id}-brief`];
  const unknown = args.filter(
    (arg) => !reports.some((report) => names(report.id).includes(arg)) && !crossDecks.some((deck) => arg === deck.name || arg === `decks/${deck.name}`),
  );
  if (unknown.length > 0) {
    console.error(
      `找不到通报或汇报 Unknown report or deck: ${unknown.join(', ')} (reports: ${reports.map((r) => r.id).join(', ') || 'none'}; decks: ${crossDecks.map((d) => `decks/${d.name}`).join(', ') || 'none'})\n${usage}`,
    );
    return 2;
  }
  const wanted = (key: string, ...aliases: string[]) => args.length === 0 || args.includes(key) || aliases.some((alias) => args.includes(alias));
  const jobs: { key: string; compose: () => PptxDeck }[] = [];
  for (const report of reports) {
    // The page's path resolved against the site's base URL (SITE_URL + BASE_PATH), as the web deck's QR code.
    const archiveUrl = site ? getPublicUrl(site, base, getReportPath(report.id)) : undefined;
    const forms = [
      { key: report.id, length: 'full' as const },
      { key: `${report.id}-brief`, length: 'brief' as const },
    ];
    for (const form of forms) {
      if (!wanted(form.key, ...(form.length === 'brief' ? [report.id] : []))) continue;
      jobs.push({
        key: form.key,
        compose: () => {
          const config = readDeckConfig(report.id, slidesDir);
          return composePptxDeck(report, issues, config, { mdx: readMdxSlides(report.id, config.sections, slidesDir), reports, archiveUrl }, form.length);
        },
      });
    }
  }
  const asOf = getBuildDate();
  for (const deck of crossDecks) {
    if (!wanted(`decks/${deck.name}`, deck.name)) continue;
    jobs.push({
      key: `decks/${deck.name}`,
      compose: () => {
        const issuers = [...new Set(reports.map((report) => report.data.issuer))];
        return composePptxSlides(planCrossDeck(deck, reports, issues, asOf), {
          title: deck.config.title,
          author: issuers.length === 1 ? issuers[0]! : '',
          subject: deck.config.title,
        });
      },
    });
  }
  if (jobs.length === 0) {
    console.error(`没有可导出的通报。No report in ${reportsDir}.`);
    return 1;
  }
  mkdirSync(exportDir, { recursive: true });
  // Staff edit the exported file for the meeting; a new export must not silently replace their work.
  const edited: string[] = [];
  for (const job of jobs) {
    const file = path.join(exportDir, `${job.key}.pptx`);
    if (!force && existsSync(file) && !(await isUntouchedExport(readFileSync(file)))) edited.push(path.relative(process.cwd(), file));
  }
  if (edited.length > 0) {
    console.error(
      `以下文件已在 PowerPoint/WPS 中修改过，未覆盖；请另存或加 --force。Not replaced, edited since export (save it under another name, or use --force):\n${edited.join('\n')}`,
    );
    return 1;
  }
  for (const job of jobs) {
    const started = performance.now();
    const deck = job.compose();
    const bytes = await writePptx(deck);
    const file = path.join(exportDir, `${job.key}.pptx`);
    mkdirSync(path.dirname(file), { recursive: true });
    // A failed export never leaves half a file in place of a good one.
    writeFileAtomically(file, bytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = `${Math.round(bytes.length / 1024)} KB`;
    console.log(
      `已导出 ${path.relative(process.cwd(), file)}：${deck.slides.length} 张幻灯片，${size}，${seconds} 秒。Wrote ${file}: ${deck.slides.length} slides, ${size}, ${seconds} s.`,
    );
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
