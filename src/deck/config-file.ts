// Reads the presenters' deck configuration at build time: a report's (none needed, so a missing file means
// defaults) and the decks across reports (slides/decks/<name>.yaml).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type CrossDeckConfig, crossDeckConfigSchema, crossDeckNamePattern } from '#src/schemas/cross-deck.ts';
import { type DeckConfig, deckConfigSchema } from '#src/schemas/deck.ts';
import { parseWithFieldErrors } from '#src/schemas/error-map.ts';

/** The folder of deck sources (theme, section templates, per-report config); SLIDES_DIR overrides it for fixtures. */
export function getSlidesDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env['SLIDES_DIR'] ?? 'slides');
}

/** Reads and validates slides/<report-id>/deck.yaml; defaults when the file does not exist, an error naming the file when it is invalid. */
export function readDeckConfig(reportId: string, dir: string = getSlidesDir()): DeckConfig & { file?: string } {
  const file = path.join(dir, reportId, 'deck.yaml');
  if (!existsSync(file)) return deckConfigSchema.parse({});
  const raw: unknown = parse(readFileSync(file, 'utf8')) ?? {};
  const result = parseWithFieldErrors(deckConfigSchema, raw);
  if (!result.success) throw new Error(`${path.relative(process.cwd(), file)}: ${result.errors.join('; ')}`);
  // The file travels with the config so the plan can name it when a key names no problem or measure of the report.
  return { ...result.data, file: path.relative(process.cwd(), file) };
}

/** A deck across reports as configured: its name (the file's, and its URL's), the file and the validated config. */
export interface CrossDeckFile {
  name: string;
  /** The config file, relative to the working directory (slides/decks/<name>.yaml), for messages. */
  file: string;
  config: CrossDeckConfig;
}

/** Reads and validates every slides/decks/<name>.yaml, by name; an invalid file is an error naming it and the field. */
export function listCrossDeckConfigs(dir: string = getSlidesDir()): CrossDeckFile[] {
  const folder = path.join(dir, 'decks');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((entry) => /\.ya?ml$/u.test(entry))
    .sort()
    .map((entry) => {
      const file = path.relative(process.cwd(), path.join(folder, entry));
      const name = entry.replace(/\.ya?ml$/u, '');
      if (!crossDeckNamePattern.test(name))
        throw new Error(`${file}: the file name is the deck's URL (/decks/<name>/): use lower-case letters, digits and hyphens`);
      const raw: unknown = parse(readFileSync(path.join(folder, entry), 'utf8')) ?? {};
      const result = parseWithFieldErrors(crossDeckConfigSchema, raw);
      if (!result.success) throw new Error(`${file}: ${result.errors.join('; ')}`);
      return { name, file, config: result.data };
    });
}
