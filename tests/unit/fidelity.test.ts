// The collection must say exactly what the published report (content/reports/<id>/source.txt) says: every sentence of the source's
// sections 一, 二 and 三 occurs in the collection, and the collection adds no sentence of its own
// outside editorial fields. Whitespace is ignored on both sides (the PDF extraction adds it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { splitParagraphs } from '#src/lib/mdx-blocks.ts';
import { splitSentences, stripWhitespace } from '#src/lib/text.ts';
import { readIssuesFromDisk, readReportsFromDisk } from '#src/loaders/disk.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const reportsDir = path.join(repoRoot, 'content/reports');
const SEED_ID = 'szkj-20220422';
/** The published report's text as extracted from its PDF, kept beside its content. */
const seedFile = path.join(reportsDir, SEED_ID, 'source.txt');

/** Rebuilds the report's text in printed order from the collection's verbatim fields only. */
function rebuildReport(report: ReportEntry, issues: readonly IssueEntry[]): { head: string; sections: string } {
  const { data } = report;
  const group = (status: 'completed' | 'ongoing') =>
    issues
      .filter((issue) => issue.data.status === status)
      .sort((a, b) => a.data.number - b.data.number)
      .map((issue) => `${issue.data.number}．${issue.data.title}${splitParagraphs(issue.body ?? '').join('')}`)
      .join('');
  const head = `${data.issuer}${data.title}${data.preface.join('')}`;
  const sections = [
    `一、${data.organisation?.heading}`,
    data.organisation?.intro,
    ...(data.organisation?.measures ?? []).map((m) => `${m.ordinal}${m.lead}${m.text}`),
    `二、${data.implementation.heading}`,
    `（一）${data.implementation.completedHeading}`,
    data.implementation.completedIntro,
    group('completed'),
    `（二）${data.implementation.ongoingHeading}`,
    data.implementation.ongoingIntro,
    group('ongoing'),
    `三、${data.plan?.heading}`,
    ...(data.plan?.paragraphs ?? []),
    data.contact?.text,
    data.signature ?? '',
  ].join('');
  return { head, sections };
}

const seed = stripWhitespace(readFileSync(seedFile, 'utf8'));
const seedSectionsStart = seed.indexOf('一、整改工作组织情况');
const seedDateAt = seed.lastIndexOf('2022年4月22日');
const seedSections = seed.slice(seedSectionsStart, seedDateAt);
const seedHead = seed.slice(0, seedSectionsStart);

const { reports } = readReportsFromDisk(reportsDir);
const { issues } = readIssuesFromDisk(reportsDir);
const report = reports.find((entry) => entry.id === SEED_ID);
const own = issues.filter((issue) => issue.data.report === SEED_ID);

describe('the seed report in the collection', () => {
  it('exists with the numbers the source declares', () => {
    expect(report).toBeDefined();
    // Expectations of a fidelity test against the seed: the report declares 8项25个问题, 22 completed, 3 ongoing.
    expect(report?.data.declared).toEqual({ items: 8, problems: 25, completed: 22, ongoing: 3 });
    expect(own).toHaveLength(25);
    expect(own.filter((issue) => issue.data.status === 'completed')).toHaveLength(22);
    expect(own.filter((issue) => issue.data.status === 'ongoing')).toHaveLength(3);
    expect(report?.data.date).toBe('2022-04-22');
    expect(report?.data.issuer).toBe('中共苏州市科学技术局党组');
  });

  it('holds every sentence of sections 一, 二 and 三, and none the source lacks', () => {
    if (!report) throw new Error('seed report missing');
    const rebuilt = stripWhitespace(rebuildReport(report, own).sections);
    const seedSentences = splitSentences(seedSections);
    const rebuiltSentences = splitSentences(rebuilt);
    const missing = seedSentences.filter((sentence) => !rebuilt.includes(sentence));
    const extra = rebuiltSentences.filter((sentence) => !seedSections.includes(sentence));
    expect(seedSentences.length).toBeGreaterThan(100);
    expect(missing, 'sentences of the source missing from the collection').toEqual([]);
    expect(extra, 'sentences in the collection the source lacks').toEqual([]);
    expect(rebuilt).toBe(seedSections);
  });

  it('holds the heading and preface verbatim', () => {
    if (!report) throw new Error('seed report missing');
    expect(stripWhitespace(rebuildReport(report, own).head)).toBe(seedHead);
  });

  it('quotes only the source in commitments, highlights and events', () => {
    for (const issue of own) {
      for (const commitment of issue.data.commitments) expect(seed).toContain(stripWhitespace(commitment.quote));
      for (const highlight of issue.data.highlights) expect(seed).toContain(stripWhitespace(`${highlight.value}${highlight.unit}`));
    }
    for (const event of report?.data.events ?? []) expect(seed).toContain(stripWhitespace(event.quote));
    const contact = report?.data.contact;
    for (const value of [contact?.phone, contact?.address, contact?.postcode, contact?.email]) {
      expect(value).toBeTruthy();
      expect(seed).toContain(stripWhitespace(value ?? ''));
    }
  });

  it('keeps the printed G6O and records its correction visibly', () => {
    const fifteen = own.find((issue) => issue.data.status === 'completed' && issue.data.number === 15);
    expect(fifteen?.body).toContain('G6O');
    expect(fifteen?.data.corrections).toEqual([expect.objectContaining({ printed: 'G6O', reading: 'G60' })]);
  });
});
