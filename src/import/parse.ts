// Parses the text of a 巡察整改情况通报 in its standard structure into a report and its problems.
// Pure: text in, data and warnings out; one reader per section, in ./sections/.

import { splitMeasures } from '#src/lib/measures.ts';
import { ImportError } from './errors.ts';
import { joinParagraphs } from './paragraphs.ts';
import { readImplementation } from './sections/implementation.ts';
import { readEvents, readOrganisation } from './sections/organisation.ts';
import { readContact, readPlan, readSignature } from './sections/plan.ts';
import { readHeading, readPreface } from './sections/preface.ts';
import { readDeclaredTotals } from './sections/totals.ts';
import { suggestCommitments } from './suggest.ts';
import type { Layout, Paragraph, ParsedReport, ReportInput } from './types.ts';

/** Finds sections 一、二、三、 by their ordinals; throws naming the line where one is missing or out of order. */
function locateSections(paragraphs: readonly Paragraph[]): { one: number; two: number; three: number } {
  const sectionAt = (ordinal: string) => paragraphs.findIndex((p) => p.text.startsWith(`${ordinal}、`));
  const one = sectionAt('一');
  const two = sectionAt('二');
  const three = sectionAt('三');
  if (one < 0) throw new ImportError('section 一、(整改工作组织情况) not found', paragraphs[0]?.line);
  if (two < 0) throw new ImportError('section 二、(整改落实情况) not found', paragraphs[one]?.line);
  if (three < 0) throw new ImportError('section 三、(下一步计划) not found', paragraphs[two]?.line);
  if (!(one < two && two < three)) throw new ImportError('sections 一、二、三 are out of order', paragraphs[two]?.line);
  return { one, two, three };
}

/** Parses a whole report. Throws ImportError naming the line for input it cannot read as a report. */
export function parseReport(raw: string, options: { layout?: Layout | undefined } = {}): ParsedReport {
  const warnings: string[] = [];
  const paragraphs = joinParagraphs(raw, options.layout);
  if (paragraphs.length === 0) throw new ImportError('文件没有文字 the file holds no text', 1);
  const { one, two, three } = locateSections(paragraphs);
  const at = (index: number): Paragraph => paragraphs[index] ?? { text: '', line: 0 };

  const heading = readHeading(paragraphs, one);
  const preface = readPreface(paragraphs.slice(heading.titleIndex + 1, one), warnings, at(one).line);
  const organisation = readOrganisation(at(one), paragraphs.slice(one + 1, two));
  const implementation = readImplementation(at(two), paragraphs.slice(two + 1, three));
  const closing = readPlan(at(three), paragraphs.slice(three + 1));
  const [contactParagraph, ...afterContact] = closing.contact;
  if (!contactParagraph) warnings.push(`line ${at(three).line}: no contact paragraph (联系方式) found after the plan`);

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
    { text: organisation.intro + preface.paragraphs.join(''), paragraphs: paragraphs.slice(0, two) },
    implementation.groups,
    issues,
    warnings,
    at(one + 1).line,
  );

  const group = (status: 'completed' | 'ongoing') => implementation.groups.find((candidate) => candidate.status === status);
  const data: ReportInput = {
    title: heading.title,
    issuer: heading.issuer,
    date: closing.date,
    inspection: preface.inspection,
    declared: totals.declared,
    preface: preface.paragraphs,
    organisation,
    implementation: {
      heading: implementation.heading,
      completedHeading: group('completed')?.heading ?? '',
      completedIntro: group('completed')?.intro ?? '',
      ongoingHeading: group('ongoing')?.heading ?? '',
      ongoingIntro: group('ongoing')?.intro ?? '',
    },
    plan: closing.plan,
    contact: readContact(contactParagraph?.text ?? ''),
    events: readEvents(organisation, preface.feedbackYear),
  };
  const signature = readSignature(afterContact);
  if (signature) data.signature = signature;
  return { data, date: closing.date, issues, warnings, declaredLines: totals.lines };
}
