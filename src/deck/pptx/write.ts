// Writes a PptxDeck as a .pptx with pptxgenjs, then completes the package (jszip, and the parsed-XML steps of
// ooxml.ts): one <a:pPr> per paragraph, each heading as its slide's title placeholder, the theme's East Asian font
// (so text typed in later is Chinese-ready too), speaker notes as Chinese paragraphs with their own <a:ea>, and a
// content digest that tells a later export whether the file was edited. The only module that calls pptxgenjs.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { colors, fonts, getInches, getPoints, slideInches } from './frame.ts';
import { bulletIndentPx, getLinePitch, type PathShape, type PptxDeck, type Shape, type TextBox } from './model.ts';
import {
  buildXml,
  createElement,
  findElements,
  getChildren,
  getTag,
  getText,
  keepOneParagraphProps,
  markTitlePlaceholder,
  parseXml,
  setThemeEastAsianFont,
  splitNotesParagraphs,
  type XmlNode,
} from './ooxml.ts';

const layoutName = 'DECK_16x9';
const lang = 'zh-CN';

/** Slide numbers (1-based) by slide id, for links between slides. */
type SlideNumbers = ReadonlyMap<string, number>;

function buildTextProps(box: TextBox, numbers: SlideNumbers): PptxGenJS.TextProps[] {
  return box.paragraphs.flatMap((p, pIndex) =>
    p.runs.map((run, rIndex) => ({
      text: run.text,
      options: {
        fontSize: getPoints(run.sizePx ?? p.sizePx),
        fontFace: fonts.eastAsian,
        lang,
        ...(run.bold ? { bold: true } : {}),
        ...(run.color ? { color: run.color } : {}),
        ...(run.link && numbers.has(run.link) ? { hyperlink: { slide: numbers.get(run.link)!, tooltip: run.text } } : {}),
        ...(run.softBreakBefore && rIndex > 0 ? { softBreakBefore: true } : {}),
        // Paragraph settings ride on every run; pptxgenjs reads them from the run that opens the paragraph.
        lineSpacing: getPoints(getLinePitch(p, box.lineHeight)),
        ...(pIndex > 0 && p.spaceBeforePx ? { paraSpaceBefore: getPoints(p.spaceBeforePx) } : {}),
        bullet: p.bullet ? { characterCode: '25A0', indent: getPoints(bulletIndentPx) } : false,
        breakLine: rIndex === p.runs.length - 1 && pIndex < box.paragraphs.length - 1,
      },
    })),
  );
}

function addText(slide: PptxGenJS.Slide, box: TextBox, numbers: SlideNumbers): void {
  slide.addText(buildTextProps(box, numbers), {
    objectName: box.name,
    x: getInches(box.x),
    y: getInches(box.y),
    w: getInches(box.w),
    h: getInches(box.h),
    margin: 0,
    color: box.color,
    fontFace: fonts.eastAsian,
    lang,
    bold: box.bold ?? false,
    align: box.align ?? 'left',
    valign: box.valign ?? 'top',
    wrap: true,
    fit: 'none',
    ...(box.fill ? { fill: { color: box.fill } } : {}),
  });
}

function addShape(pptx: PptxGenJS, slide: PptxGenJS.Slide, shape: Shape): void {
  const type = { rect: pptx.ShapeType.rect, roundRect: pptx.ShapeType.roundRect, ellipse: pptx.ShapeType.ellipse, line: pptx.ShapeType.line }[shape.shape];
  slide.addShape(type, {
    objectName: shape.name,
    x: getInches(shape.x),
    y: getInches(shape.y),
    w: getInches(shape.w),
    h: getInches(shape.h),
    ...(shape.fill ? { fill: { color: shape.fill } } : { fill: { type: 'none' } }),
    line: shape.line ? { color: shape.line.color, width: getPoints(shape.line.widthPx) } : { type: 'none' },
    ...(shape.shape === 'roundRect' ? { rectRadius: getInches(8) } : {}),
  });
}

function addPath(slide: PptxGenJS.Slide, shape: PathShape): void {
  const points: NonNullable<PptxGenJS.ShapeProps['points']> = shape.rects.flatMap((rect) => [
    { x: getInches(rect.x), y: getInches(rect.y), moveTo: true },
    { x: getInches(rect.x + rect.w), y: getInches(rect.y) },
    { x: getInches(rect.x + rect.w), y: getInches(rect.y + rect.h) },
    { x: getInches(rect.x), y: getInches(rect.y + rect.h) },
    { close: true } as const,
  ]);
  // pptxgenjs 4 writes custom geometry but its types omit the shape name.
  slide.addShape('custGeom' as PptxGenJS.SHAPE_NAME, {
    objectName: shape.name,
    x: getInches(shape.x),
    y: getInches(shape.y),
    w: getInches(shape.w),
    h: getInches(shape.h),
    fill: { color: shape.fill },
    line: { type: 'none' },
    points,
  });
}

/** Builds the pptxgenjs presentation of a deck. */
export function buildPresentation(deck: PptxDeck): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: layoutName, width: slideInches.width, height: slideInches.height });
  pptx.layout = layoutName;
  pptx.title = deck.title;
  pptx.author = deck.author;
  pptx.company = deck.author;
  pptx.subject = deck.subject;
  pptx.theme = { headFontFace: fonts.latin, bodyFontFace: fonts.latin };
  pptx.defineSlideMaster({
    title: 'DECK',
    background: { color: colors.white },
    slideNumber: {
      x: getInches(16),
      y: getInches(688),
      w: getInches(120),
      h: getInches(28),
      fontFace: fonts.eastAsian,
      fontSize: getPoints(20),
      color: colors.muted,
      margin: 0,
    },
  });
  const numbers = new Map(deck.slides.map((slide, index) => [slide.id, index + 1]));
  let section: string | undefined;
  for (const spec of deck.slides) {
    if (spec.section && spec.section !== section) {
      section = spec.section;
      pptx.addSection({ title: section });
    }
    const slide = pptx.addSlide({ masterName: 'DECK', ...(section ? { sectionTitle: section } : {}) });
    for (const item of spec.items) {
      if (item.type === 'text') addText(slide, item, numbers);
      else if (item.type === 'path') addPath(slide, item);
      else addShape(pptx, slide, item);
    }
    slide.addNotes(spec.notes);
  }
  return pptx;
}

/** Keeps one <a:pPr> per paragraph of an XML part (ooxml.ts, step 1); exported for its test. */
export function dedupeParagraphProps(xml: string): string {
  const nodes = parseXml(xml);
  keepOneParagraphProps(nodes);
  return buildXml(nodes);
}

/** The object name of a slide's heading text box (slide-parts.ts, slides.ts). */
export const HEADING_NAME = '标题';

/** Reads, edits and writes back every part of the package whose name matches `pattern`. */
async function editParts(zip: JSZip, pattern: RegExp, edit: (nodes: XmlNode[], name: string) => void): Promise<void> {
  for (const name of Object.keys(zip.files).filter((file) => pattern.test(file))) {
    const nodes = parseXml(await zip.file(name)!.async('string'));
    edit(nodes, name);
    zip.file(name, buildXml(nodes));
  }
}

/**
 * Completes the package pptxgenjs wrote, the documented post-processing of src/deck/pptx/ooxml.ts: one
 * paragraph-properties element per paragraph, headings as title placeholders, theme fonts, notes paragraphs, and
 * the export's digest. Returns the new bytes.
 */
export async function completePackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await editParts(zip, /^ppt\/slides\/slide\d+\.xml$/u, (nodes) => {
    keepOneParagraphProps(nodes);
    markTitlePlaceholder(nodes, HEADING_NAME);
  });
  await editParts(zip, /^ppt\/theme\/theme\d+\.xml$/u, (nodes) => setThemeEastAsianFont(nodes, fonts.eastAsian));
  await editParts(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/u, (nodes, name) => {
    if (!splitNotesParagraphs(nodes, { lang, latin: fonts.latin, eastAsian: fonts.eastAsian }))
      throw new Error(`${name}: the speaker notes are not in a body placeholder, where pptxgenjs puts them`);
  });
  await stampFingerprint(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const FINGERPRINT = 'rk-export:sha256:';

/** A digest of every part under ppt/ (slides, notes, layouts, theme), in name order. */
async function getContentDigest(zip: JSZip): Promise<string> {
  const hash = createHash('sha256');
  for (const name of Object.keys(zip.files)
    .filter((file) => file.startsWith('ppt/') && !zip.files[file]!.dir)
    .sort()) {
    hash.update(name);
    hash.update(await zip.file(name)!.async('uint8array'));
  }
  return hash.digest('hex');
}

/** Records the content digest in the core properties (dc:identifier), so a later export can tell an edited copy. */
async function stampFingerprint(zip: JSZip): Promise<void> {
  const nodes = parseXml(await zip.file('docProps/core.xml')!.async('string'));
  const properties = findElements(nodes, 'cp:coreProperties')[0];
  if (!properties) throw new Error('docProps/core.xml: no cp:coreProperties, where pptxgenjs writes the document properties');
  const stamp = createElement('dc:identifier', {}, [{ '#text': `${FINGERPRINT}${await getContentDigest(zip)}` }]);
  const children = getChildren(properties);
  const existing = children.findIndex((child) => getTag(child) === 'dc:identifier');
  if (existing >= 0) children[existing] = stamp;
  else children.push(stamp);
  zip.file('docProps/core.xml', buildXml(nodes));
}

/**
 * Whether a .pptx is as this export wrote it: its slides, notes and theme still match the digest stamped at
 * export. PowerPoint, WPS and LibreOffice rewrite these parts when they save, so an edited copy answers false.
 */
export async function isUntouchedExport(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const core = parseXml((await zip.file('docProps/core.xml')?.async('string')) ?? '');
    const identifier = findElements(core, 'dc:identifier').map(getText)[0] ?? '';
    return identifier.startsWith(FINGERPRINT) && identifier.slice(FINGERPRINT.length) === (await getContentDigest(zip));
  } catch {
    return false;
  }
}

/** The .pptx file of a deck, as bytes. */
export async function writePptx(deck: PptxDeck): Promise<Uint8Array> {
  const raw = (await buildPresentation(deck).write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return completePackage(raw);
}
