// The organisation of the rectification, in any form it is printed: 一、整改工作组织情况 with （一）lead。text measures,
// 一是… paragraphs, 1. 2. 3. items or plain paragraphs; parts with headings of their own (…履行主体责任情况,
// …履行第一责任人责任情况); or several top-level （一） sections before the problems. And the meetings it dates.
import { MEASURE_START, toDay } from '#src/import/patterns.ts';
import type { TreeNode } from '#src/import/tree.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';
import { getHead } from './layout.ts';
import type { Place } from './problems.ts';

type Organisation = NonNullable<ReportInput['organisation']>;
type Measure = NonNullable<Organisation['measures']>[number];
type Part = NonNullable<Organisation['parts']>[number];

/** A numbered measure: its ordinal, the lead phrase up to its first 。 and the rest (the paragraphs after it joined). */
function toMeasure(node: TreeNode, following: readonly string[]): Measure {
  const head = getHead(node.rest);
  const rest = `${node.rest.slice(head.length)}${following.join('')}`;
  return rest.length > 0 && head.endsWith('。')
    ? { ordinal: node.ordinal, lead: head, text: rest }
    : { ordinal: node.ordinal, text: `${node.rest}${following.join('')}` };
}

/** Whether a numbered block is a heading over measures of its own (主体责任情况) rather than a measure. */
function isPartHeading(node: TreeNode): boolean {
  // （一）强化组织领导。 on a line of its own is a measure's lead; a heading ends without 。.
  return (node.intro.length > 0 || node.children.length > 0) && node.rest.length <= 60 && !node.rest.includes('。');
}

/** Every paragraph under a node, each as printed (numbered ones with their ordinal), for measures of a part. */
function collectMeasures(node: TreeNode, paragraphs: readonly Paragraph[], place: Place, field: string): Measure[] {
  const measures: Measure[] = [];
  for (const index of node.intro) {
    place(index, field);
    measures.push({ text: paragraphs[index]?.text ?? '' });
  }
  for (const child of node.children) measures.push(...readNumbered(child, paragraphs, place, field));
  return measures;
}

/** A numbered block as a measure, its own paragraphs and its children's joined into it. */
function readNumbered(node: TreeNode, paragraphs: readonly Paragraph[], place: Place, field: string): Measure[] {
  const following: string[] = [];
  const visit = (at: TreeNode, own: boolean) => {
    if (!own) following.push(at.text);
    place(at.index, field);
    for (const index of at.intro) {
      place(index, field);
      following.push(paragraphs[index]?.text ?? '');
    }
    for (const child of at.children) visit(child, false);
  };
  visit(node, true);
  return [toMeasure(node, following)];
}

/** A section with a heading of its own as a part: its heading, and its paragraphs and items as measures. */
function readPart(node: TreeNode, paragraphs: readonly Paragraph[], place: Place, key: string): Part {
  place(node.index, `${key}.heading`);
  const head = getHead(node.rest);
  const tail = node.rest.slice(head.length).trim();
  const measures = [...(tail ? [{ text: tail }] : []), ...collectMeasures(node, paragraphs, place, `${key}.measures`)];
  const heading = tail ? head : node.rest;
  return { ordinal: node.ordinal, heading, measures: measures.length > 0 ? measures : [{ text: heading }] };
}

/**
 * Reads the organisation from the sections before the problems: one section (its heading, intro, measures and
 * parts), or several, each a part. Every paragraph lands in a field.
 */
export function readOrganisation(nodes: readonly TreeNode[], paragraphs: readonly Paragraph[], place: Place): Organisation | undefined {
  const [only] = nodes;
  if (!only) return undefined;
  if (nodes.length > 1) {
    return { parts: nodes.map((node, position) => readPart(node, paragraphs, place, `organisation.parts[${position}]`)) };
  }
  place(only.index, 'organisation.heading');
  const head = getHead(only.rest);
  const runOn = only.rest.slice(head.length).trim();
  const organisation: Organisation = { heading: runOn ? head.replace(/。$/u, '') : only.rest, ordinal: only.ordinal };
  const texts = [...(runOn ? [runOn] : []), ...only.intro.map((index) => paragraphs[index]?.text ?? '')];
  for (const index of only.intro) place(index, 'organisation');
  const measures: Measure[] = [];
  const parts: Part[] = [];
  if (only.children.length > 0) {
    // The paragraphs before the first item are the intro.
    if (texts.length > 0) organisation.intro = texts.join('');
  } else {
    // No numbered items: 一是… paragraphs or plain paragraphs, the first an intro where it opens none.
    const [first, ...rest] = texts;
    if (first !== undefined && (rest.length === 0 || !MEASURE_START.test(first))) organisation.intro = first;
    else if (first !== undefined) measures.push({ text: first });
    for (const text of rest) measures.push({ text });
  }
  only.children.forEach((child) => {
    if (isPartHeading(child)) parts.push(readPart(child, paragraphs, place, `organisation.parts[${parts.length}]`));
    else measures.push(...readNumbered(child, paragraphs, place, 'organisation.measures'));
  });
  if (measures.length > 0) organisation.measures = measures;
  if (parts.length > 0) organisation.parts = parts;
  return organisation;
}

/** Dated meetings of the organisation for the timeline; the year is taken from the feedback where the text omits it. */
export function readEvents(organisation: Organisation | undefined, feedbackYear: string): NonNullable<ReportInput['events']> {
  const events: NonNullable<ReportInput['events']> = [];
  const measures = [...(organisation?.measures ?? []), ...(organisation?.parts ?? []).flatMap((part) => part.measures)];
  for (const measure of measures) {
    const text = `${measure.lead ?? ''}${measure.text}`;
    for (const match of text.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:上午|下午)?，[^，。]*?召开([^，。]+)/gu)) {
      const year = match[1] ?? feedbackYear;
      if (!year) continue;
      const event: NonNullable<ReportInput['events']>[number] = {
        date: toDay(year, match[2] ?? '', match[3] ?? ''),
        label: `召开${match[4]}`,
        quote: match[0],
      };
      if (!match[1]) event.dateNote = `原文未写年份，按反馈年份（${feedbackYear}年）推定`;
      events.push(event);
    }
  }
  return events;
}
