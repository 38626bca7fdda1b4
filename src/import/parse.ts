// Parses the text of a 巡察整改情况通报 in its standard structure into a report and its problems.
// Pure: text in, data and warnings out; one reader per section, in ./sections/.

import { splitMeasures } from '#src/lib/measures.ts';
import { formatChineseNumeral } from '#src/lib/sections.ts';
import { ImportError } from './errors.ts';
import { joinParagraphs } from './paragraphs.ts';
import { readImplementation } from './sections/implementation.ts';
import { readEvents, readOrganisation } from './sections/organisation.ts';
import { readContact, readPlan, readSignature } from './sections/plan.ts';
import { readHeading, readPreface } from './sections/preface.ts';
import { readDeclaredTotals } from './sections/totals.ts';
import { suggestCommitments } from './suggest.ts';
import type { Layout, Paragraph, ParsedReport, ReportInput } from './types.ts';

type SectionKind = 'organisation' | 'implementation' | 'plan';

const KIND_OF_HEADING: readonly [SectionKind, RegExp][] = [
  ['plan', /下一步|计划|打算|努力方向/u],
  ['organisation', /组织|部署|领导/u],
  ['implementation', /落实|整改情况|进展|完成情况/u],
];

/**
 * Finds the top-level sections 一、二、三、… in sequence and tells which is which by its heading: a report may lack
 * the organisation section, so its implementation section is then 一、. Headings that name nothing known fall back
 * to the standard order (organisation, implementation, plan; implementation and plan when there are two).
 */
function locateSections(paragraphs: readonly Paragraph[], warnings: string[]): Partial<Record<SectionKind, number>> & { first: number } {
  const headings: number[] = [];
  for (let ordinal = 1, from = 0; ; ordinal += 1) {
    const prefix = `${formatChineseNumeral(ordinal)}、`;
    const index = paragraphs.findIndex((p, i) => i >= from && p.text.startsWith(prefix));
    if (index < 0) break;
    headings.push(index);
    from = index + 1;
  }
  const first = headings[0];
  if (first === undefined) throw new ImportError('section 一、(整改工作组织情况) not found', paragraphs[0]?.line);
  const standard: SectionKind[] = headings.length >= 3 ? ['organisation', 'implementation', 'plan'] : ['implementation', 'plan'];
  const found: Partial<Record<SectionKind, number>> = {};
  headings.forEach((index, position) => {
    const text = paragraphs[index]?.text ?? '';
    const kind = KIND_OF_HEADING.find(([, pattern]) => pattern.test(text))?.[0] ?? standard[position];
    if (kind && found[kind] === undefined) found[kind] = index;
  });
  const last = paragraphs[headings.at(-1) ?? first];
  const next = `${formatChineseNumeral(headings.length + 1)}、`;
  if (found.implementation === undefined) throw new ImportError(`section ${next}(整改落实情况) not found`, last?.line);
  if (found.plan === undefined) throw new ImportError(`section ${next}(下一步计划) not found`, last?.line);
  if (!(found.implementation < found.plan) || (found.organisation !== undefined && found.organisation > found.implementation)) {
    throw new ImportError('sections 一、二、三 are out of order', paragraphs[found.implementation]?.line);
  }
  if (found.organisation === undefined) {
    warnings.push(`line ${paragraphs[first]?.line}: no organisation section (整改工作组织情况); organisation left out`);
  }
  return { ...found, first };
}

/** Parses a whole report. Throws ImportError naming the line for input it cannot read as a report. */
export function parseReport(raw: string, options: { layout?: Layout | undefined } = {}): ParsedReport {
  const warnings: string[] = [];
  const paragraphs = joinParagraphs(raw, options.layout);
  if (paragraphs.length === 0) throw new ImportError('文件没有文字 the file holds no text', 1);
  const sections = locateSections(paragraphs, warnings);
  const { first } = sections;
  const two = sections.implementation ?? 0;
  const three = sections.plan ?? 0;
  const at = (index: number): Paragraph => paragraphs[index] ?? { text: '', line: 0 };

  const heading = readHeading(paragraphs, first);
  const preface = readPreface(paragraphs.slice(heading.titleIndex + 1, first), warnings, at(first).line);
  const organisation =
    sections.organisation === undefined ? undefined : readOrganisation(at(sections.organisation), paragraphs.slice(sections.organisation + 1, two));
  const implementation = readImplementation(at(two), paragraphs.slice(two + 1, three));
  const closing = readPlan(at(three), paragraphs.slice(three + 1));
  const [contactParagraph, ...afterContact] = closing.contact;
  if (!contactParagraph) warnings.push(`line ${at(three).line}: no contact paragraph (联系方式) found after the plan; contact left out`);

  const issues = implementation.groups.flatMap((group) => group.issues);
  const reportYear = Number(closing.date.slice(0, 4)) || Number(preface.endYear);
  for (const issue of issues) issue.suggestedCommitments = suggestCommitments(issue.paragraphs.join(''), reportYear);
  // Measures are split at 一是, 二是, … wherever they stand; ordinals out of sequence are kept and reported.
  for (const issue of issues) {
    for (const warning of splitMeasures(issue.paragraphs.join('\n\n')).warnings) {
      warnings.push(`line ${issue.line}: ${issue.status} problem ${issue.number}, paragraph line ${warning.line} of its body: ${warning.message}`);
    }
  }
  const totals = readDeclaredTotals(
    {
      text: [organisation?.intro ?? '', ...preface.paragraphs, ...implementation.intro.map((p) => p.text)].join(''),
      paragraphs: [...paragraphs.slice(0, two), ...implementation.intro],
    },
    implementation.groups,
    issues,
    warnings,
    at(first + 1).line,
  );

  const group = (status: 'completed' | 'ongoing') => implementation.groups.find((candidate) => candidate.status === status);
  const implementationData: ReportInput['implementation'] = { heading: implementation.heading };
  for (const status of ['completed', 'ongoing'] as const) {
    const found = group(status);
    if (!found) continue;
    implementationData[`${status}Heading`] = found.heading;
    if (found.intro) implementationData[`${status}Intro`] = found.intro;
  }
  const data: ReportInput = {
    title: heading.title,
    issuer: heading.issuer,
    date: closing.date,
    inspection: preface.inspection,
    // Only the totals the report states; none at all leaves the field out.
    ...(Object.keys(totals.declared).length > 0 ? { declared: totals.declared } : {}),
    preface: preface.paragraphs,
    ...(organisation ? { organisation } : {}),
    implementation: implementationData,
    plan: closing.plan,
    ...(contactParagraph ? { contact: readContact(contactParagraph.text) } : {}),
    events: readEvents(organisation, preface.feedbackYear),
  };
  const signature = readSignature(afterContact);
  if (signature) data.signature = signature;
  return { data, date: closing.date, issues, warnings, declaredLines: totals.lines };
}
