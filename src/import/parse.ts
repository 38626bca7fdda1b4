// Parses the text of a 巡察整改情况通报 in any of the shapes offices publish into a report and its problems.
// Pure: text in, data, warnings and where every paragraph went out; one reader per part, in ./sections/.
// The numbering is read into a tree first (./tree.ts); what each block is comes from where it sits (./sections/layout.ts).

import { splitMeasures } from '#src/lib/measures.ts';
import { formatChineseNumeral } from '#src/lib/numerals.ts';
import { escapeMdx } from '#src/lib/text.ts';
import { stripChrome } from './chrome.ts';
import { ImportError } from './errors.ts';
import { joinParagraphs } from './paragraphs.ts';
import { readMarker } from './patterns.ts';
import { opensUnheadedPlan, readClosing, readContact, readPlanSections } from './sections/closing.ts';
import { CONTACT_HEADING, type Layout, PLAN_HEADING, readLayout } from './sections/layout.ts';
import { readEvents, readOrganisation } from './sections/organisation.ts';
import { readOutcomes } from './sections/outcomes.ts';
import { readHeading, readPreface, readTitleIssuer } from './sections/preface.ts';
import { isStatusLayout, type Place, readGroups, readProblems } from './sections/problems.ts';
import { readDeclaredTotals } from './sections/totals.ts';
import { suggestCommitments } from './suggest.ts';
import { buildTree, listSubtree } from './tree.ts';
import type { Paragraph, ParsedReport, ParseOptions, Placement, ReportInput } from './types.ts';

/** The paragraphs at the end of the last problem that are the report's plan: an unheaded 下一步，… or a plan heading without an ordinal. */
function findUnheadedPlan(layout: Layout, paragraphs: readonly Paragraph[]): number[] {
  const lastProblem = layout.problems.at(-1);
  if (!lastProblem) return [];
  const trailing = listSubtree(lastProblem).slice(1);
  const start = trailing.findIndex((index) => {
    const text = paragraphs[index]?.text ?? '';
    if (readMarker(text)) return false;
    const bareHeading = text.length <= 24 && !/[。，；]/u.test(text) && PLAN_HEADING.test(text);
    return bareHeading || opensUnheadedPlan(text);
  });
  return start < 0 ? [] : trailing.slice(start);
}

/** Parses a whole report. Throws ImportError naming the line for input it cannot read as a report. */
export function parseReport(raw: string, options: ParseOptions = {}): ParsedReport {
  const warnings: string[] = [];
  const all = joinParagraphs(raw, options.layout);
  if (all.length === 0) throw new ImportError('文件没有文字 the file holds no text', 1);
  const placements: Placement[] = all.map((paragraph) => ({ text: paragraph.text, line: paragraph.line }));
  const place: Place = (index, field, issue) => {
    const placement = placements[index];
    if (!placement) return;
    placement.field = field;
    if (issue) placement.issue = issue;
  };
  const leaveOut = (index: number, reason: string) => {
    const placement = placements[index];
    if (placement) placement.leftOut = reason;
  };

  const { leftOut: chrome, header } = stripChrome(all);
  for (const [index, reason] of chrome) leaveOut(index, reason);
  const body = all.map((_, index) => index).filter((index) => !chrome.has(index));
  const text = (position: number) => all[body[position] ?? -1]?.text ?? '';
  const bodyParagraphs = body.map((index) => all[index] ?? { text: '', line: 0 });
  const firstNumbered = bodyParagraphs.findIndex((p) => readMarker(p.text) !== undefined);
  if (firstNumbered < 0) throw new ImportError('没有编号的标题 no numbered heading (一、 （一） 1. …) found', bodyParagraphs[0]?.line);

  // The heading: issuer lines (or none), the title, and a repeat of the title a web page prints twice.
  const heading = readHeading(bodyParagraphs, firstNumbered);
  for (let position = 0; position <= heading.titleAt; position += 1) {
    place(body[position] ?? -1, position === heading.documentNumber?.at ? 'documentNumber' : position < heading.titleFrom ? 'issuer' : 'title');
  }
  let prefaceStart = heading.titleAt + 1;
  if (text(prefaceStart) === heading.title) {
    leaveOut(body[prefaceStart] ?? -1, '重复的标题 the title repeated');
    prefaceStart += 1;
  }

  // The closing, read from the end: date, signature, contacts.
  const closing = readClosing(bodyParagraphs.slice(firstNumbered));
  const closingAt = (offset: number) => body[firstNumbered + offset] ?? -1;
  const treeIndices = body.slice(firstNumbered, firstNumbered + closing.start);
  const { roots } = buildTree(all, treeIndices);

  const prefaceParagraphs = body.slice(prefaceStart, firstNumbered).map((index) => all[index] ?? { text: '', line: 0 });
  for (const index of body.slice(prefaceStart, firstNumbered)) place(index, 'preface');
  const preface = readPreface(prefaceParagraphs, warnings, all[body[firstNumbered] ?? -1]?.line);

  const layout = readLayout(roots, all, options.problemsAt);
  warnings.push(...layout.notes);
  const planSections = layout.after.filter((node) => !CONTACT_HEADING.test(node.rest));
  const contactSections = layout.after.filter((node) => CONTACT_HEADING.test(node.rest));
  const unheaded = planSections.length === 0 ? findUnheadedPlan(layout, all) : [];
  if (unheaded.length > 0) {
    warnings.push(
      `line ${all[unheaded[0] ?? -1]?.line}: 最后一个问题之后的“${(all[unheaded[0] ?? -1]?.text ?? '').slice(0, 12)}…”读作下一步计划（无标题）read as the report's plan (no heading), not as part of problem ${layout.problems.at(-1)?.ordinal}`,
    );
  }

  const groups = readGroups(layout, all, place);
  const statusLayout = isStatusLayout(layout, groups);
  const issues = readProblems({
    paragraphs: all,
    layout,
    groups,
    statusLayout,
    excluded: new Set(unheaded),
    defaultStatus: options.defaultStatus,
    place,
    warnings,
  });

  const organisation = readOrganisation(layout.organisation, all, place);
  if (!organisation) warnings.push(`line ${all[body[firstNumbered] ?? -1]?.line}: no organisation section (整改工作组织情况); organisation left out`);

  // The plan: a section after the problems, or the unheaded paragraphs after the last one.
  let plan: ReportInput['plan'] = readPlanSections(planSections, all, place);
  if (!plan && unheaded.length > 0) {
    const [first, ...rest] = unheaded;
    const firstText = all[first ?? -1]?.text ?? '';
    const bare = firstText.length <= 24 && !/[。，；]/u.test(firstText) && PLAN_HEADING.test(firstText);
    const paragraphs = (bare ? rest : unheaded).map((index) => all[index]?.text ?? '');
    plan = bare ? { heading: firstText, paragraphs: paragraphs.length > 0 ? paragraphs : [firstText] } : { paragraphs };
    for (const index of unheaded) place(index, 'plan');
    if (bare) place(first ?? -1, 'plan.heading');
  }

  // Contacts: the closing's contact paragraphs, and a 监督方式 section's.
  const contactTexts: string[] = [];
  for (const node of contactSections) {
    place(node.index, 'contact');
    for (const index of listSubtree(node).slice(1)) {
      place(index, 'contact');
      contactTexts.push(all[index]?.text ?? '');
    }
    if (listSubtree(node).length === 1) leaveOut(node.index, '联系方式标题 the contacts heading (the page draws its own)');
  }
  for (const offset of closing.contact) {
    place(closingAt(offset), 'contact');
    contactTexts.push(text(firstNumbered + offset));
  }
  const signature = closing.signature.map((offset) => text(firstNumbered + offset)).join('');
  for (const offset of closing.signature) place(closingAt(offset), 'signature');
  for (const offset of closing.after) leaveOut(closingAt(offset), '成文日期之后 after the date (附件 or a note)');

  // The date: the closing's, or the page header's where the body prints none.
  let date = closing.date?.value;
  if (closing.date) place(closingAt(closing.date.at), 'date');
  else if (header.date) {
    date = header.date.value;
    warnings.push(`line ${header.date.line}: no date line at the end; the date is the page header's (${header.date.text})`);
  }
  if (!date) throw new ImportError('no date line (YYYY年M月D日) at the end of the report, and no date in a page header', all.at(-1)?.line);

  // The issuer: the lines before the title, else the title's own, the signature or the page header's source.
  const issuer = heading.issuer ?? readTitleIssuer(heading.title) ?? (signature || undefined) ?? header.source?.value;
  if (!issuer)
    throw new ImportError(
      'no issuer: no line before the title, no signature and no 来源 in a page header name the issuing body',
      all[body[heading.titleAt] ?? -1]?.line,
    );
  if (!heading.issuer)
    warnings.push(
      `line ${all[body[heading.titleAt] ?? -1]?.line}: no issuer line before the title; the issuer is taken from ${readTitleIssuer(heading.title) ? 'the title' : signature ? 'the signature' : `the page header (line ${header.source?.line})`}`,
    );

  const reportYear = Number(date.slice(0, 4)) || Number(preface.endYear);
  for (const issue of issues) issue.suggestedCommitments = suggestCommitments(issue.paragraphs.join(''), reportYear);
  // Measures are split at 一是, 二是, … wherever they stand; ordinals out of sequence are kept and reported.
  for (const issue of issues) {
    for (const warning of splitMeasures(issue.paragraphs.map(escapeMdx).join('\n\n')).warnings) {
      warnings.push(`line ${issue.line}: ${issue.status} problem ${issue.number}, paragraph line ${warning.line} of its body: ${warning.message}`);
    }
  }

  // Totals and outcome figures: in the preface, the organisation's intro, the problems' section and its groups' intros.
  const organisationIntro = layout.organisation.length === 1 ? (layout.organisation[0]?.intro ?? []) : [];
  const wrapperIntro = layout.wrapper?.intro ?? [];
  const groupList = [...groups.values()];
  const scope = [
    ...prefaceParagraphs,
    ...organisationIntro.map((index) => all[index] ?? { text: '', line: 0 }),
    ...wrapperIntro.map((index) => all[index] ?? { text: '', line: 0 }),
    ...groupList.flatMap((group) => group.introParagraphs),
  ];
  const totals = readDeclaredTotals(
    scope,
    issues,
    statusLayout ? groupList.map((group) => ({ status: group.entry.status ?? 'completed', paragraph: all[group.index] })) : [],
    warnings,
  );
  const outcomes = readOutcomes([
    ...prefaceParagraphs,
    ...organisationIntro.map((index) => all[index] ?? { text: '', line: 0 }),
    ...wrapperIntro.map((index) => all[index] ?? { text: '', line: 0 }),
  ]);

  // The problems' section: its heading, and in a report grouped by status each group's heading and intro (the seed's fields).
  const implementation: NonNullable<ReportInput['implementation']> = {};
  if (layout.wrapper) {
    place(layout.wrapper.index, 'implementation.heading');
    for (const index of layout.wrapper.intro) place(index, 'implementation.intro');
    implementation.heading = layout.wrapper.rest;
    const expected = `${formatChineseNumeral(organisation ? 2 : 1)}、`;
    if (layout.wrapper.ordinal !== expected) implementation.ordinal = layout.wrapper.ordinal;
    if (layout.wrapper.intro.length > 0) implementation.intro = layout.wrapper.intro.map((index) => all[index]?.text ?? '');
  }
  if (statusLayout) {
    for (const group of groupList) {
      const status = group.entry.status;
      if (!status) continue;
      implementation[`${status}Heading`] = group.entry.heading;
      if ((group.entry.intro ?? []).length > 0) implementation[`${status}Intro`] = (group.entry.intro ?? []).join('');
    }
  }
  if (organisation?.ordinal === '一、') delete organisation.ordinal;
  if (plan?.ordinal && plan.ordinal === `${formatChineseNumeral((organisation ? 1 : 0) + (layout.wrapper ? 1 : 0) + 1)}、`) delete plan.ordinal;

  const data: ReportInput = {
    title: heading.title,
    issuer,
    date,
    inspection: preface.inspection,
    // Only the totals the report states; none at all leaves the field out.
    ...(Object.keys(totals.declared).length > 0 ? { declared: totals.declared } : {}),
    ...(outcomes.length > 0 ? { outcomes } : {}),
    preface: preface.paragraphs,
    ...(organisation ? { organisation } : {}),
    ...(statusLayout || groupList.length === 0 ? {} : { groups: groupList.map((group) => group.entry) }),
    ...(Object.keys(implementation).length > 0 ? { implementation } : {}),
    ...(plan ? { plan } : {}),
    ...(contactTexts.length > 0 ? { contact: readContact(contactTexts) } : {}),
    events: readEvents(organisation, preface.feedbackYear),
  };
  if (heading.documentNumber) data.documentNumber = heading.documentNumber.value;
  if (header.indexNumber) data.indexNumber = header.indexNumber;
  if (header.documentNumber && !data.documentNumber) data.documentNumber = header.documentNumber;
  if (signature) data.signature = signature;
  if (!plan) warnings.push(`line ${all[treeIndices.at(-1) ?? -1]?.line}: no plan (下一步) found; plan left out`);
  if (contactTexts.length === 0) warnings.push(`line ${all[treeIndices.at(-1) ?? -1]?.line}: no contact paragraph (联系方式) found; contact left out`);

  // Nothing silently dropped: a paragraph no reader took is listed as left out.
  placements.forEach((placement) => {
    if (placement.field === undefined && placement.leftOut === undefined) {
      placement.leftOut = '未读入 not read into any field';
      warnings.push(`line ${placement.line}: not read into any field: ${placement.text.slice(0, 30)}`);
    }
  });
  return { data, date, issues, warnings, declaredLines: totals.lines, placements };
}
