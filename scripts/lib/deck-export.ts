// What both deck exporters share: where the built site is, under which base it was built, which decks it holds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = process.cwd();

/** The built site (DIST_DIR or dist/) and the folder exports go to (EXPORT_DIR or exports/). */
export function getExportDirs(): { distDir: string; exportDir: string } {
  return {
    distDir: path.resolve(root, process.env.DIST_DIR ?? 'dist'),
    exportDir: path.resolve(root, process.env.EXPORT_DIR ?? 'exports'),
  };
}

/**
 * The report ids on the command line (none: every deck), read with parseArgs as every script reads its arguments;
 * --help prints `usage` and exits, an unknown option exits with status 2.
 */
export function readReportIdArgs(usage: string): string[] {
  try {
    const { values, positionals } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return positionals;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** Builds the site with `npm run build` when distDir holds no deck yet, so an export never works from nothing. */
export function ensureBuilt(distDir: string): void {
  if (listDecks(distDir).length > 0) return;
  console.log(`${path.relative(root, distDir) || distDir}/ 中没有演示文稿，先构建站点…… No built deck in ${distDir}; running the build first.`);
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.ts')], { stdio: 'inherit', env: { ...process.env, DIST_DIR: distDir } });
  if (result.status !== 0 || listDecks(distDir).length === 0) {
    console.error('构建失败，无法导出。The build failed; nothing was exported.');
    process.exit(result.status || 1);
  }
}

/** A deck of the built site: the name its exports take and where its page is. */
export interface BuiltDeck {
  /** The export's file name without extension: <report-id> (the full deck), <report-id>-brief, decks/<name>. */
  key: string;
  /** The deck's folder inside the site: reports/<id>/deck/, reports/<id>/deck/brief/, decks/<name>/. */
  sitePath: string;
}

/**
 * Every deck built in distDir: each report's full and brief forms and each deck across reports, optionally limited
 * to `only` (a report id names both its forms; <id>-brief only the brief one; decks/<name> or <name> a deck across reports).
 */
export function listDecks(distDir: string, only: readonly string[] = []): BuiltDeck[] {
  const decks: BuiltDeck[] = [];
  const reports = path.join(distDir, 'reports');
  if (existsSync(reports))
    for (const id of readdirSync(reports).sort()) {
      if (!existsSync(path.join(reports, id, 'deck', 'index.html'))) continue;
      decks.push({ key: id, sitePath: `reports/${id}/deck/` });
      if (existsSync(path.join(reports, id, 'deck', 'brief', 'index.html'))) decks.push({ key: `${id}-brief`, sitePath: `reports/${id}/deck/brief/` });
    }
  const cross = path.join(distDir, 'decks');
  if (existsSync(cross))
    for (const name of readdirSync(cross).sort())
      if (existsSync(path.join(cross, name, 'index.html'))) decks.push({ key: `decks/${name}`, sitePath: `decks/${name}/` });
  if (only.length === 0) return decks;
  return decks.filter((deck) =>
    only.some(
      (wanted) => deck.key === wanted || deck.key === `decks/${wanted}` || (deck.key === `${wanted}-brief` && deck.sitePath.startsWith(`reports/${wanted}/`)),
    ),
  );
}

/** The base path the site was built under, read from a deck page itself so exports need no BASE_PATH. */
export function readBuiltBase(distDir: string, deck: BuiltDeck): string {
  const html = readFileSync(path.join(distDir, deck.sitePath, 'index.html'), 'utf8');
  return /data-deck-base="([^"]*)"/u.exec(html)?.[1] ?? '/';
}
