import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReportsFolder } from '#src/loaders/disk.ts';
import { isCalendarDay } from '#src/schemas/dates.ts';
import { issueSchema } from '#src/schemas/issue.ts';
import { reportSchema } from '#src/schemas/report.ts';
import { copyReports, editFile } from '#tests/helpers/fixtures.ts';

const REPORT = 'demo-2023/report.yaml';
const C1 = 'demo-2023/issues/completed-01.mdx';
const C2 = 'demo-2023/issues/completed-02.mdx';
const O1 = 'demo-2023/issues/ongoing-01.mdx';

/** Each invalid fixture: an edit of the valid fixture, the file it breaks and the field the message must name. */
const invalid: { name: string; file: string; named?: string; edit: (text: string) => string; field: string; says: RegExp }[] = [
  { name: 'missing status', file: C1, edit: (t) => t.replace(/^status: completed\n/mu, ''), field: 'status', says: /expected one of completed, ongoing/u },
  {
    name: 'unknown status',
    file: C1,
    edit: (t) => t.replace('status: completed', 'status: done'),
    field: 'status',
    says: /expected one of completed, ongoing/u,
  },
  {
    name: 'duplicated number',
    file: C2,
    edit: (t) => t.replace('number: 2', 'number: 1'),
    field: 'number',
    says: /number 1 is used twice in the completed group/u,
  },
  {
    name: 'missing number in a group',
    file: C2,
    named: REPORT,
    edit: (t) => t.replace('number: 2', 'number: 3'),
    field: 'number',
    says: /has no problem number 2/u,
  },
  { name: 'number not a whole number', file: C2, edit: (t) => t.replace('number: 2', 'number: 2.5'), field: 'number', says: /whole number/u },
  {
    name: 'report that does not exist',
    file: O1,
    edit: (t) => t.replace('report: demo-2023', 'report: no-such-report'),
    field: 'report',
    says: /report "no-such-report" does not exist/u,
  },
  {
    name: 'declared completed differs',
    file: REPORT,
    edit: (t) => t.replace('completed: 2', 'completed: 3').replace('problems: 3', 'problems: 4'),
    field: 'declared.completed',
    says: /declares 3 completed problems but the collection holds 2/u,
  },
  {
    name: 'declared problems differ from parts',
    file: REPORT,
    edit: (t) => t.replace('problems: 3', 'problems: 5'),
    field: 'declared.problems',
    says: /must equal declared.completed \+ declared.ongoing/u,
  },
  {
    name: 'highlight value not in body',
    file: C1,
    edit: (t) => t.replace('value: "12"', 'value: "13"'),
    field: 'highlights[0].value',
    says: /"13项" does not occur in the body/u,
  },
  {
    name: 'commitment quote not in body',
    file: O1,
    edit: (t) => t.replace('quote: 拟于9月份完成专项审计', 'quote: 拟于10月份完成专项审计'),
    field: 'commitments[0].quote',
    says: /does not occur in the body/u,
  },
  { name: 'invalid report date', file: REPORT, edit: (t) => t.replace('date: 2023-06-30', 'date: 2023-02-30'), field: 'date', says: /not a valid date/u },
  {
    name: 'invalid inspection date',
    file: REPORT,
    edit: (t) => t.replace('start: 2022-09-01', 'start: 2022-9-1'),
    field: 'inspection.start',
    says: /not a valid date/u,
  },
  {
    name: 'inspection ends before it starts',
    file: REPORT,
    edit: (t) => t.replace('end: 2022-10-31', 'end: 2022-08-31'),
    field: 'inspection.end',
    says: /must not be before inspection.start/u,
  },
  { name: 'invalid due date', file: O1, edit: (t) => t.replace('due: 2023-09', 'due: 2023-13'), field: 'commitments.0.due', says: /not a valid due date/u },
  { name: 'missing title', file: C2, edit: (t) => t.replace(/^title: .*\n/mu, ''), field: 'title', says: /required/u },
  {
    name: 'short title too long',
    file: C2,
    edit: (t) => t.replace('shortTitle: 规范档案管理', 'shortTitle: 这是一个远远超过二十个字符长度限制的幻灯片短标题文字'),
    field: 'shortTitle',
    says: /at most 20 characters/u,
  },
  {
    name: 'event quote not in the report',
    file: REPORT,
    edit: (t) => t.replace('quote: 2022年12月20日，局党组召开专题会议', 'quote: 2022年12月21日，局党组召开专题会议'),
    field: 'events[0].quote',
    says: /does not occur in the report's text/u,
  },
  { name: 'empty body', file: C2, edit: (t) => t.replace(/---\n\n[\s\S]*$/u, '---\n'), field: 'body', says: /the body is empty/u },
  {
    name: 'raw markup in a body',
    file: C2,
    edit: (t) => t.replace('全面清理历史档案', '全面清理<script>alert(1)</script>历史档案'),
    field: 'body',
    says: /line 9: "<" would be read as MDX markup; write \\< to show it as text/u,
  },
  {
    name: 'a raw expression in a body',
    file: O1,
    edit: (t) => t.replace('开展专项检查。', '开展专项检查{x}。'),
    field: 'body',
    says: /line \d+: "\{" would be read as MDX markup/u,
  },
  {
    name: 'frontmatter that is not YAML',
    file: C1,
    edit: (t) => t.replace('number: 1', 'number: [1'),
    field: '(frontmatter)',
    says: /Flow sequence|unexpected|Missing|flow collection/iu,
  },
  {
    name: 'a bidi override in a title',
    file: C2,
    edit: (t) => t.replace('title: 关于档案管理', 'title: 关于\u202e档案管理'),
    field: 'title',
    says: /line 5: invisible character U\+202E/u,
  },
  {
    name: 'a NUL and a BEL in a body',
    file: C2,
    edit: (t) => t.replace('全面清理历史档案', '全面清理\u0000历史\u0007档案'),
    field: 'body',
    says: /line 9: invisible character U\+0000, U\+0007/u,
  },
  {
    name: 'a zero-width space in a nested report field',
    file: REPORT,
    edit: (t) => t.replace('局党组高度重视', '局党组\u200b高度重视'),
    field: 'organisation.intro',
    says: /invisible character U\+200B/u,
  },
  {
    name: 'bad e-mail',
    file: REPORT,
    edit: (t) => t.replace('email: demo@example.org', 'email: not-an-address'),
    field: 'contact.email',
    says: /not a valid e-mail address/u,
  },
];

describe('the valid fixture and the seed', () => {
  it('validate without errors', () => {
    const dir = copyReports();
    expect(validateReportsFolder(dir)).toEqual([]);
    expect(validateReportsFolder(path.resolve(import.meta.dirname, '../../content/reports'))).toEqual([]);
  });
});

describe('bad content fails with a message naming the file and the field', () => {
  it('covers at least twenty bad inputs', () => expect(invalid.length).toBeGreaterThanOrEqual(20));
  for (const testCase of invalid) {
    it(testCase.name, () => {
      const dir = copyReports();
      editFile(dir, testCase.file, testCase.edit);
      const errors = validateReportsFolder(dir);
      const line = errors.find((error) => testCase.says.test(error));
      expect(line, `errors were:\n${errors.join('\n')}`).toBeDefined();
      expect(line).toContain(path.join(dir, testCase.named ?? testCase.file));
      expect(line).toContain(`: ${testCase.field}: `);
    });
  }
});

describe('a nested field', () => {
  it('is named by its full path, indices included, exactly once', () => {
    const dir = copyReports();
    editFile(dir, REPORT, (t) => t.replace('      text: 2022年12月20日，局党组召开专题会议，部署整改任务。', "      text: ''"));
    const errors = validateReportsFolder(dir).filter((error) => error.includes('organisation'));
    expect(errors).toEqual([`${path.join(dir, REPORT)}: organisation.measures.0.text: must not be empty`]);
  });
});

describe('schema details', () => {
  const valid = {
    report: 'x',
    status: 'completed',
    number: 1,
    title: '关于某问题的整改',
    shortTitle: '某问题',
  };
  it('fills defaults for optional curated fields', () => {
    const data = issueSchema.parse(valid);
    expect(data.highlights).toEqual([]);
    expect(data.commitments).toEqual([]);
    expect(data.corrections).toEqual([]);
  });
  it('accepts dates a YAML parser read as Date objects or numbers', () => {
    const data = issueSchema.parse({ ...valid, commitments: [{ due: 2022, quote: 'q' }] });
    expect(data.commitments[0]?.due).toBe('2022');
    const report = reportSchema.shape;
    expect(report.date.parse(new Date('2022-04-22T00:00:00Z'))).toBe('2022-04-22');
  });
  it('accepts escaped markup in a body: it is prose', () => {
    const dir = copyReports();
    editFile(dir, C2, (t) => t.replace('全面清理历史档案', '全面清理\\<script\\>alert(1)\\</script\\>\\{x\\}历史档案'));
    expect(validateReportsFolder(dir)).toEqual([]);
  });
  it('knows real calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2023-2-1')).toBe(false);
  });
});
