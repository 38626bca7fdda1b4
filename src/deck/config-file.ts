// Reads a report's presenter configuration at build time; the deck needs none, so a missing file means defaults.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
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
