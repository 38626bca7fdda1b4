import { type IssueStatus, issueStatuses } from '#src/schemas/issue.ts';
import type { IssueEntry, ReportEntry } from './entries.ts';
import { MdxTextError } from './mdx-blocks.ts';
import { getBodyText, splitMeasures } from './measures.ts';
import { compareGroupKeys } from './order.ts';
import { getRoundKey } from './rounds.ts';
import { stripWhitespace } from './text.ts';

/** One cross-entry problem, naming the file and the field. */
export interface CollectionProblem {
  file: string;
  field: string;
  message: string;
}

/**
 * Finds characters MDX would read as markup or code (< { }) that are not escaped. Bodies are prose:
 * such a character either breaks the build with an obscure compiler error or, worse, runs as markup.
 */
export function findUnescapedMdx(body: string): { line: number; char: string }[] {
  const found: { line: number; char: string }[] = [];
  body.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/(\\*)([<{}])/gu)) {
      if ((match[1] ?? '').length % 2 === 0) found.push({ line: index + 1, char: match[2] ?? '' });
    }
  });
  return found;
}

const fileOf = (entry: { id: string; filePath?: string | undefined }) => entry.filePath ?? entry.id;

/** A line of a problem's body as messages name it: the file's line where the body's start is known. */
const formatBodyLine = (issue: IssueEntry, line: number): string => (issue.bodyLine === undefined ? `body line ${line}` : `line ${issue.bodyLine + line - 1}`);

/** The full text of a report's own fields, for checking the quotes of its events. */
export function getReportText(report: ReportEntry): string {
  const { data } = report;
  return [
    ...data.preface,
    data.organisation?.intro,
    ...(data.organisation?.measures ?? []).map((measure) => `${measure.lead ?? ''}${measure.text}`),
    ...(data.organisation?.parts ?? []).flatMap((part) => [part.heading, ...part.measures.map((measure) => `${measure.lead ?? ''}${measure.text}`)]),
    ...data.implementation.intro,
    data.implementation.completedIntro,
    data.implementation.ongoingIntro,
    data.implementation.longTermIntro,
    ...data.groups.flatMap((group) => [group.heading, ...group.intro]),
    ...(data.plan?.paragraphs ?? []),
    data.contact?.text,
  ]
    .filter((text) => text !== undefined)
    .join('\n');
}

/**
 * Checks what no single entry's schema can: that each problem's report exists, numbering in each
 * status group runs 1..n without gaps or duplicates, every stated total matches the entries, every
 * highlight and quote occurs in the text it claims to quote, and the `continues` links hold.
 */
export function validateCollection(reports: readonly ReportEntry[], issues: readonly IssueEntry[]): CollectionProblem[] {
  const problems: CollectionProblem[] = [];
  const reportIds = new Set(reports.map((report) => report.id));
  for (const issue of issues) {
    if (!reportIds.has(issue.data.report)) {
      problems.push({
        file: fileOf(issue),
        field: 'report',
        message: `report "${issue.data.report}" does not exist (known: ${[...reportIds].join(', ') || 'none'})`,
      });
    }
    const unescaped = findUnescapedMdx(issue.body ?? '');
    for (const { line, char } of unescaped) {
      problems.push({
        file: fileOf(issue),
        field: 'body',
        message: `${formatBodyLine(issue, line)}: "${char}" would be read as MDX markup; write \\${char} to show it as text`,
      });
    }
    // Its text cannot be read until those are escaped: one message per character is enough.
    if (unescaped.length > 0) continue;
    let body: string;
    try {
      body = stripWhitespace(getBodyText(issue.body));
    } catch (error) {
      if (!(error instanceof MdxTextError)) throw error;
      // Markup with no text form (JSX, expressions) would reach notes, PDF and PowerPoint mangled: refuse the file.
      problems.push({ file: fileOf(issue), field: 'body', message: `${formatBodyLine(issue, error.line)}: ${error.reason}` });
      continue;
    }
    if (body.length === 0) problems.push({ file: fileOf(issue), field: 'body', message: 'the body is empty; it must hold the rectification text' });
    issue.data.highlights.forEach((highlight, index) => {
      const figure = stripWhitespace(`${highlight.value}${highlight.unit}`);
      if (!body.includes(figure)) {
        problems.push({
          file: fileOf(issue),
          field: `highlights[${index}].value`,
          message: `"${highlight.value}${highlight.unit}" does not occur in the body`,
        });
      }
    });
    issue.data.commitments.forEach((commitment, index) => {
      if (!body.includes(stripWhitespace(commitment.quote))) {
        problems.push({ file: fileOf(issue), field: `commitments[${index}].quote`, message: `"${commitment.quote}" does not occur in the body` });
      }
    });
    if (issue.data.finding !== undefined && !stripWhitespace(issue.data.title).includes(stripWhitespace(issue.data.finding))) {
      problems.push({ file: fileOf(issue), field: 'finding', message: `"${issue.data.finding}" does not occur in the title` });
    }
    if (issue.data.statusFrom === 'phrase' && !body.includes(stripWhitespace(issue.data.statusWords ?? ''))) {
      problems.push({
        file: fileOf(issue),
        field: 'statusWords',
        message: `"${issue.data.statusWords ?? ''}" does not occur in the body; a status read from a closing phrase quotes it`,
      });
    }
    if (issue.data.statusFrom !== undefined && issue.data.statusFrom !== 'heading' && issue.data.statusWords === undefined) {
      problems.push({
        file: fileOf(issue),
        field: 'statusWords',
        message: `required where statusFrom is ${issue.data.statusFrom}: the words that state the status`,
      });
    }
    issue.data.corrections.forEach((correction, index) => {
      if (!body.includes(stripWhitespace(correction.printed)) && !stripWhitespace(issue.data.title).includes(stripWhitespace(correction.printed))) {
        problems.push({ file: fileOf(issue), field: `corrections[${index}].printed`, message: `"${correction.printed}" does not occur in the title or body` });
      }
    });
  }
  for (const report of reports) {
    const own = issues.filter((issue) => issue.data.report === report.id);
    problems.push(...validateGroups(report, own));
    for (const status of issueStatuses) {
      const group = own.filter((issue) => issue.data.status === status);
      // Only a total the report states is checked; one it does not state is absent, never assumed.
      const declared = report.data.declared[status];
      if (declared !== undefined && declared !== group.length) {
        problems.push({
          file: fileOf(report),
          field: `declared.${status}`,
          message: `declares ${declared} ${status} problems but the collection holds ${group.length}`,
        });
      }
    }
    if (report.data.declared.problems !== undefined && report.data.declared.problems !== own.length) {
      problems.push({
        file: fileOf(report),
        field: 'declared.problems',
        message: `declares ${report.data.declared.problems} problems but the collection holds ${own.length}`,
      });
    }
    const text = stripWhitespace(getReportText(report));
    report.data.events.forEach((event, index) => {
      if (!text.includes(stripWhitespace(event.quote))) {
        problems.push({ file: fileOf(report), field: `events[${index}].quote`, message: `"${event.quote}" does not occur in the report's text` });
      }
    });
    report.data.outcomes.forEach((outcome, index) => {
      if (!text.includes(stripWhitespace(outcome.quote))) {
        problems.push({ file: fileOf(report), field: `outcomes[${index}].quote`, message: `"${outcome.quote}" does not occur in the report's text` });
      } else if (!stripWhitespace(outcome.quote).includes(stripWhitespace(`${outcome.value}${outcome.unit}`))) {
        problems.push({
          file: fileOf(report),
          field: `outcomes[${index}].value`,
          message: `"${outcome.value}${outcome.unit}" does not occur in its quote "${outcome.quote}"`,
        });
      }
    });
  }
  problems.push(...validateContinues(reports, issues));
  return problems;
}

/**
 * Checks a report's groups and the numbering of its problems: group keys in printed order under parents that
 * exist; each problem's group exists and agrees with the status its heading states; and within each group (or
 * status group, in the seed's layout) numbers are unique and run on without gaps. A group's numbers may start
 * after 1 where the report numbers its problems on across groups.
 */
export function validateGroups(report: ReportEntry, own: readonly IssueEntry[]): CollectionProblem[] {
  const problems: CollectionProblem[] = [];
  const groups = new Map(report.data.groups.map((group) => [group.key, group]));
  let previous: string | undefined;
  report.data.groups.forEach((group, index) => {
    const parent = group.key.split('.').slice(0, -1).join('.');
    if (parent !== '' && !groups.has(parent)) {
      problems.push({ file: fileOf(report), field: `groups[${index}].key`, message: `"${group.key}" has no parent group "${parent}"` });
    }
    if (previous !== undefined && compareGroupKeys(previous, group.key) >= 0) {
      problems.push({
        file: fileOf(report),
        field: `groups[${index}].key`,
        message: `"${group.key}" comes after "${previous}"; groups are listed in printed order`,
      });
    }
    previous = group.key;
  });
  const statusOf = (key: string): IssueStatus | undefined => {
    for (let at = key; at !== ''; at = at.split('.').slice(0, -1).join('.')) {
      const status = groups.get(at)?.status;
      if (status) return status;
    }
    return undefined;
  };
  const byGroup = new Map<string, IssueEntry[]>();
  // Ungrouped problems are numbered per status group only where the status is their group's (the seed's layout);
  // a flat list whose status stands in 整改状态 lines or closing phrases runs one sequence across statuses.
  const byHeading = own.every((issue) => issue.data.statusFrom === undefined || issue.data.statusFrom === 'heading');
  for (const issue of own) {
    const key = issue.data.group;
    if (key !== undefined && !groups.has(key)) {
      problems.push({
        file: fileOf(issue),
        field: 'group',
        message: `"${key}" names no group of report ${report.id} (it has ${[...groups.keys()].join(', ') || 'none'})`,
      });
      continue;
    }
    const stated = key === undefined ? undefined : statusOf(key);
    if (stated !== undefined && stated !== issue.data.status) {
      problems.push({ file: fileOf(issue), field: 'status', message: `is ${issue.data.status} but its group "${key}" is headed as ${stated}` });
    }
    const bucket = key ?? (byHeading ? issue.data.status : 'ungrouped');
    byGroup.set(bucket, [...(byGroup.get(bucket) ?? []), issue]);
  }
  for (const [bucket, members] of byGroup) {
    const label = groups.has(bucket) ? `group ${bucket}` : bucket === 'ungrouped' ? 'report' : `${bucket} group`;
    const seen = new Map<number, IssueEntry>();
    for (const issue of members) {
      const twin = seen.get(issue.data.number);
      if (twin)
        problems.push({ file: fileOf(issue), field: 'number', message: `number ${issue.data.number} is used twice in the ${label} (also ${fileOf(twin)})` });
      seen.set(issue.data.number, issue);
    }
    // Status groups and groups numbered from 1 run 1..n; a group numbered on from an earlier one starts later.
    const first = groups.has(bucket) ? Math.min(...seen.keys()) : 1;
    for (let expected = first; expected <= Math.max(0, ...seen.keys()); expected += 1) {
      if (!seen.has(expected)) {
        problems.push({
          file: fileOf(report),
          field: 'number',
          message: `the ${label} has no problem number ${expected} (numbers must run ${first}..n)`,
        });
      }
    }
  }
  return problems;
}

/**
 * Checks the `continues` links between rounds: each names a problem that exists, in a report dated earlier
 * than its own; no problem is continued twice; and following the links never comes back to where it started.
 */
export function validateContinues(reports: readonly ReportEntry[], issues: readonly IssueEntry[]): CollectionProblem[] {
  const problems: CollectionProblem[] = [];
  const dates = new Map(reports.map((report) => [report.id, report.data.date]));
  const byKey = new Map(issues.map((issue) => [getRoundKey(issue), issue]));
  const claimed = new Map<string, IssueEntry>();
  for (const issue of issues) {
    const target = issue.data.continues;
    if (!target) continue;
    const earlier = byKey.get(target);
    if (!earlier) {
      const [reportId = ''] = target.split('/');
      const known = issues.filter((other) => other.data.report === reportId).map(getRoundKey);
      problems.push({
        file: fileOf(issue),
        field: 'continues',
        message: dates.has(reportId)
          ? `"${target}" names no problem of report ${reportId} (it has ${known.join(', ') || 'no problems'})`
          : `"${target}" names no problem: there is no report "${reportId}"`,
      });
      continue;
    }
    const own = dates.get(issue.data.report);
    const theirs = dates.get(earlier.data.report);
    if (own && theirs && !(theirs < own)) {
      problems.push({
        file: fileOf(issue),
        field: 'continues',
        message: `"${target}" belongs to a report dated ${theirs}, not earlier than this problem's report (${own}); a problem continues one of an earlier report`,
      });
    }
    const twin = claimed.get(target);
    if (twin) {
      problems.push({
        file: fileOf(issue),
        field: 'continues',
        message: `"${target}" is already continued by ${fileOf(twin)}; a problem is continued by at most one later problem`,
      });
    } else {
      claimed.set(target, issue);
    }
  }
  // A cycle: following `continues` from a problem comes back to it. Reported once, at the first of its problems.
  const inCycle = new Set<string>();
  for (const issue of issues) {
    const start = getRoundKey(issue);
    const path: string[] = [start];
    for (let key = issue.data.continues; key && byKey.has(key); key = byKey.get(key)?.data.continues) {
      if (key === start) {
        if (!inCycle.has(start)) {
          for (const member of path) inCycle.add(member);
          problems.push({ file: fileOf(issue), field: 'continues', message: `the continues links form a cycle: ${[...path, start].join(' → ')}` });
        }
        break;
      }
      if (path.includes(key)) break;
      path.push(key);
    }
  }
  return problems;
}

/**
 * Finds what the build accepts but a person should look at: measure ordinals (一是, 二是, …) that skip or repeat.
 * Each names the file and its line; the measures are still split at every ordinal, so nothing is merged.
 */
export function findCollectionWarnings(issues: readonly IssueEntry[]): CollectionProblem[] {
  return issues.flatMap((issue) => {
    let warnings: { line: number; message: string }[];
    try {
      ({ warnings } = splitMeasures(issue.body ?? ''));
    } catch (error) {
      // A body that cannot be read as text is an error of validateCollection, not a warning.
      if (error instanceof MdxTextError) return [];
      throw error;
    }
    return warnings.map((warning) => ({ file: fileOf(issue), field: 'body', message: `${formatBodyLine(issue, warning.line)}: ${warning.message}` }));
  });
}

/** Formats problems as one message, a line each: file, field, message. */
export function formatCollectionProblems(problems: readonly CollectionProblem[]): string {
  return problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`).join('\n');
}
