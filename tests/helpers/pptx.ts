// Reads a .pptx back (slides in presentation order, their paragraphs, runs and notes) and renders it with
// LibreOffice Impress headless, so tests check the file PowerPoint, WPS and LibreOffice will open.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/** One slide of a .pptx as read back. */
export interface PptxSlideXml {
  /** The part name, e.g. ppt/slides/slide3.xml. */
  part: string;
  xml: string;
  /** The text of each paragraph, in document order. */
  paragraphs: string[];
  /** The notes page's XML and the text of its paragraphs (joined with \n). */
  notesXml: string;
  notes: string;
  /** Slide jumps: each link's text and the part of the slide it opens. */
  links: { text: string; part: string }[];
}

const decode = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The text of each <a:p> of an XML part. */
export function listParagraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/gu)].map((match) =>
    [...(match[1] ?? '').matchAll(/<a:t>([\s\S]*?)<\/a:t>/gu)].map((t) => decode(t[1] ?? '')).join(''),
  );
}

/** Every run (<a:r>) of an XML part: its properties element and its text. */
export function listRuns(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<a:r>(<a:rPr\b[\s\S]*?(?:\/>|<\/a:rPr>))?<a:t>([\s\S]*?)<\/a:t><\/a:r>/gu)].map((m) => ({
    props: m[1] ?? '',
    text: decode(m[2] ?? ''),
  }));
}

/** Reads a .pptx: its slides in the order presentation.xml lists them, each with its notes. */
export async function readPptx(file: string): Promise<{ zip: JSZip; slides: PptxSlideXml[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${file}: ${name} is missing`);
    return entry.async('string');
  };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const rels = (xml: string) => {
    const list = parser.parse(xml).Relationships.Relationship;
    return (Array.isArray(list) ? list : [list]) as { Id: string; Target: string; Type: string }[];
  };
  const presentation = parser.parse(await read('ppt/presentation.xml'));
  const ids = presentation['p:presentation']['p:sldIdLst']['p:sldId'];
  const order = (Array.isArray(ids) ? ids : [ids]).map((id: Record<string, string>) => id['r:id']);
  const presentationRels = rels(await read('ppt/_rels/presentation.xml.rels'));
  const slides: PptxSlideXml[] = [];
  for (const rId of order) {
    const target = presentationRels.find((rel) => rel.Id === rId)?.Target;
    if (!target) throw new Error(`${file}: slide ${rId} has no target`);
    const part = path.posix.join('ppt', target);
    const xml = await read(part);
    const slideRels = rels(await read(path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`)));
    const notesTarget = slideRels.find((rel) => rel.Type.endsWith('/notesSlide'))?.Target;
    const notesXml = notesTarget ? await read(path.posix.normalize(path.posix.join(path.posix.dirname(part), notesTarget))) : '';
    // The notes body is the placeholder of type "body"; the slide-number placeholder follows it.
    const body = /<p:ph type="body"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/u.exec(notesXml)?.[1] ?? '';
    const links = [
      ...xml.matchAll(
        /<a:r><a:rPr\b[^>]*>(?:(?!<\/a:rPr>)[\s\S])*?<a:hlinkClick r:id="([^"]+)" action="ppaction:\/\/hlinksldjump"[\s\S]*?<\/a:rPr><a:t>([\s\S]*?)<\/a:t>/gu,
      ),
    ].map((m) => {
      const target = slideRels.find((rel) => rel.Id === m[1])?.Target ?? '';
      return { text: decode(m[2] ?? ''), part: path.posix.normalize(path.posix.join(path.posix.dirname(part), target)) };
    });
    slides.push({ part, xml, paragraphs: listParagraphTexts(xml), notesXml, notes: listParagraphTexts(body).join('\n'), links });
  }
  return { zip, slides };
}

/**
 * Converts .pptx files with LibreOffice Impress headless, in one run with a private profile, to PDF (or saves them
 * again as .pptx); returns the new files' paths in order. Files must have distinct names.
 */
export function convertWithLibreOffice(files: readonly string[], format: 'pdf' | 'pptx' = 'pdf'): string[] {
  const work = mkdtempSync(path.join(tmpdir(), 'rk-soffice-'));
  const outDir = path.join(work, 'out');
  const result = spawnSync(
    process.env['SOFFICE_PATH'] ?? 'soffice',
    [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 60_000 + 15_000 * files.length },
  );
  if (result.error) throw new Error(`LibreOffice (soffice) could not run: ${result.error.message}; apt-get install -y libreoffice-impress`);
  const outs = files.map((file) => path.join(outDir, `${path.basename(file, '.pptx')}.${format}`));
  const missing = outs.filter((out) => !existsSync(out));
  if (result.status !== 0 || missing.length > 0)
    throw new Error(`soffice failed (${result.status}), missing ${missing.join(', ')}:\n${result.stdout}\n${result.stderr}`);
  return outs;
}
