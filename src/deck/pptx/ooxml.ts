// The post-processing step on the OOXML pptxgenjs writes (ECMA-376 PresentationML), done on parsed XML with
// fast-xml-parser rather than on text. pptxgenjs has no API for four things the export needs:
//   1. one <a:pPr> per paragraph (it writes one per run, which the schema forbids: PowerPoint offers to repair),
//      with hanging punctuation off, so a closing 。 moves down with its character as the fit rule counts;
//   2. the slide heading as the slide's title placeholder (<p:ph type="title"/>), for the outline and screen readers;
//   3. the theme's East Asian font (<a:ea>, script Hans), so text typed in later is Chinese-ready;
//   4. speaker notes as one Chinese-tagged paragraph per line, not one en-US run holding line breaks.
// Each step finds elements by name and attributes, so an upgrade that moves them fails loudly (tests/unit/
// pinned-packages.test.ts) instead of leaving the file half-fixed. The parser keeps element order (preserveOrder),
// which PresentationML's sequences require.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** A parsed element in fast-xml-parser's ordered form: { tag: children, ':@': attributes }, or a text node { '#text': … }. */
export type XmlNode = { [tag: string]: XmlNode[] | Record<string, string> | string } & { ':@'?: Record<string, string> };

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // pptxgenjs writes numeric character references (a bullet is <a:buChar char="&#x25A0;"/>); without this they
  // stay literal text and are written back as &amp;#x25A0;, so PowerPoint and LibreOffice draw an "&" for the bullet.
  htmlEntities: true,
} as const;

const parser = new XMLParser(OPTIONS);
const builder = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true, format: false });

/** Parses an XML part (or a fragment of sibling elements) into ordered nodes. */
export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

/** Serialises ordered nodes back to XML text. */
export function buildXml(nodes: XmlNode[]): string {
  return builder.build(nodes) as string;
}

/** The tag name of an element node; undefined for a text node. */
export function getTag(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

/** The child nodes of an element (a live array: edits change the tree). */
export function getChildren(node: XmlNode): XmlNode[] {
  const tag = getTag(node);
  const children = tag === undefined ? undefined : node[tag];
  return Array.isArray(children) ? children : [];
}

/** An attribute's value, or undefined. */
export function getAttribute(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[`@_${name}`];
}

/** Creates an element with attributes (in the order given) and children. */
export function createElement(tag: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [tag]: children };
  if (Object.keys(attributes).length > 0) node[':@'] = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value]));
  return node;
}

/** Every element named `tag` in the trees, in document order. */
export function findElements(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (list: readonly XmlNode[]) => {
    for (const node of list) {
      if (getTag(node) === tag) found.push(node);
      visit(getChildren(node));
    }
  };
  visit(nodes);
  return found;
}

/** The concatenated text inside a node. */
export function getText(node: XmlNode): string {
  if (typeof node['#text'] === 'string') return node['#text'];
  return getChildren(node).map(getText).join('');
}

/**
 * Step 1: keeps the first <a:pPr> of every paragraph and drops the others; the kept one turns hanging punctuation
 * off unless it says otherwise.
 */
export function keepOneParagraphProps(nodes: XmlNode[]): void {
  for (const paragraph of findElements(nodes, 'a:p')) {
    const children = getChildren(paragraph);
    let seen = false;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (getTag(child) !== 'a:pPr') continue;
      if (seen) {
        children.splice(index, 1);
        index -= 1;
        continue;
      }
      seen = true;
      if (getAttribute(child, 'hangingPunct') === undefined) child[':@'] = { '@_hangingPunct': '0', ...child[':@'] };
    }
  }
}

/** Step 2: makes the shape named `name` its slide's title placeholder; its own position and type settings stay. Returns whether one was found. */
export function markTitlePlaceholder(nodes: XmlNode[], name: string): boolean {
  const shape = findElements(nodes, 'p:sp').find((sp) => findElements(getChildren(sp), 'p:cNvPr').some((props) => getAttribute(props, 'name') === name));
  const nonVisual = shape && getChildren(shape).find((child) => getTag(child) === 'p:nvSpPr');
  if (!nonVisual) return false;
  const parts = getChildren(nonVisual);
  const shapeProps = parts.findIndex((child) => getTag(child) === 'p:cNvSpPr');
  const appProps = parts.find((child) => getTag(child) === 'p:nvPr');
  if (shapeProps < 0 || !appProps) return false;
  parts[shapeProps] = createElement('p:cNvSpPr', {}, [createElement('a:spLocks', { noGrp: '1' })]);
  getChildren(appProps).unshift(createElement('p:ph', { type: 'title' }));
  return true;
}

/** Step 3: fills the theme's empty East Asian font and its Simplified Chinese (Hans) script font with `face`. */
export function setThemeEastAsianFont(nodes: XmlNode[], face: string): void {
  for (const font of findElements(nodes, 'a:ea')) if (getAttribute(font, 'typeface') === '') font[':@'] = { ...font[':@'], '@_typeface': face };
  for (const font of findElements(nodes, 'a:font')) if (getAttribute(font, 'script') === 'Hans') font[':@'] = { ...font[':@'], '@_typeface': face };
}

/**
 * Step 4: replaces the notes placeholder's paragraphs with one paragraph per line of their text, each run tagged
 * `lang` with the given Latin and East Asian fonts. Returns false when the notes have no body placeholder.
 */
export function splitNotesParagraphs(nodes: XmlNode[], run: { lang: string; latin: string; eastAsian: string }): boolean {
  const body = findElements(nodes, 'p:sp').find((sp) => findElements(getChildren(sp), 'p:ph').some((ph) => getAttribute(ph, 'type') === 'body'));
  const text = body && findElements(getChildren(body), 'p:txBody')[0];
  if (!text) return false;
  const children = getChildren(text);
  const paragraphs = children.filter((child) => getTag(child) === 'a:p');
  if (paragraphs.length === 0) return false;
  const lines = paragraphs.map(getText).join('\n').split(/\r?\n/u);
  const runProps = () =>
    createElement('a:rPr', { lang: run.lang, altLang: 'en-US', dirty: '0' }, [
      createElement('a:latin', { typeface: run.latin }),
      createElement('a:ea', { typeface: run.eastAsian }),
    ]);
  const rendered = lines.map((line) =>
    line
      ? createElement('a:p', {}, [createElement('a:r', {}, [runProps(), createElement('a:t', {}, [{ '#text': line }])])])
      : createElement('a:p', {}, [createElement('a:endParaRPr', { lang: run.lang, dirty: '0' })]),
  );
  const first = children.indexOf(paragraphs[0]!);
  const kept = children.filter((child) => getTag(child) !== 'a:p');
  children.splice(0, children.length, ...kept.slice(0, first), ...rendered, ...kept.slice(first));
  return true;
}
