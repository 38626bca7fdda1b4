// The review of an import: the source's paragraphs beside what each became (a field of the report, a problem's
// title, body, status line or label), each problem's status with the words it was read from marked in the source,
// and the paragraphs left out highlighted, so an editor can confirm an import in minutes. One self-contained HTML
// page: no script, no request to another origin.
import { labels } from '#src/lib/labels.ts';
import type { ParsedIssue, ParsedReport, Placement } from './types.ts';

/** What the collection holds for a problem now, to show where an editor changed the import. */
export interface EntryOnDisk {
  status: string;
  title: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (char) => `&#${char.codePointAt(0)};`);

const FIELD_NAMES: Record<string, string> = {
  issuer: '发文机关 issuer',
  title: '标题 title',
  documentNumber: '文号 document number',
  preface: '前言 preface',
  'organisation.heading': '组织情况标题 organisation heading',
  organisation: '组织情况 organisation',
  'organisation.measures': '组织措施 organisation measure',
  'implementation.heading': '整改落实情况标题 problems’ section heading',
  'implementation.intro': '整改落实情况导语 problems’ section intro',
  'plan.heading': '下一步计划标题 plan heading',
  plan: '下一步计划 plan',
  contact: '联系方式 contact',
  signature: '落款 signature',
  date: '成文日期 date',
  body: '整改措施 measures',
  statusWords: '整改状态 status line',
  measuresLabel: '措施标签 measures label',
};

/** A field's name for the review: organisation.parts[0].measures → 组织情况第1部分 …. */
function describeField(field: string): string {
  const part = /^organisation\.parts\[(\d+)\]\.(heading|measures)$/u.exec(field);
  if (part) return `组织情况第${Number(part[1]) + 1}部分${part[2] === 'heading' ? '标题' : '措施'} organisation part ${Number(part[1]) + 1} ${part[2]}`;
  const group = /^groups ([\d.]+)(\.intro)?$/u.exec(field);
  if (group) return `分组 ${group[1]}${group[2] ? ' 导语 intro' : ' 标题 heading'}`;
  return FIELD_NAMES[field] ?? field;
}

/** The source paragraph with the words that state a status marked. */
function markText(text: string, words: readonly string[]): string {
  let html = escapeHtml(text);
  for (const word of words) {
    const escaped = escapeHtml(word);
    if (escaped && html.includes(escaped)) html = html.replace(escaped, `<mark>${escaped}</mark>`);
  }
  return html;
}

const STATUS_CLASS: Record<string, string> = { completed: 'completed', ongoing: 'ongoing', longTerm: 'long-term' };
const STATUS_FROM: Record<ParsedIssue['statusFrom'], string> = {
  heading: '分组标题 group heading',
  line: '整改状态行 status line',
  phrase: '正文结语 closing phrase',
  editor: '未写明，按 --status not stated: set by --status',
};

/** The right-hand cell for a paragraph: where it went, or why it was left out. */
function describePlacement(placement: Placement, issues: ReadonlyMap<string, ParsedIssue>): string {
  if (placement.leftOut) return `<span class="tag left">略去 left out</span> ${escapeHtml(placement.leftOut)}`;
  const issue = placement.issue ? issues.get(placement.issue) : undefined;
  if (!issue) return escapeHtml(describeField(placement.field ?? ''));
  const where = `<a href="#${escapeHtml(issue.slug)}">${escapeHtml(issue.slug)}</a> ${escapeHtml(describeField(placement.field ?? ''))}`;
  if (placement.field !== 'title') return where;
  const status = `<span class="tag ${STATUS_CLASS[issue.status] ?? ''}">${escapeHtml(labels.status[issue.status])}</span>`;
  const words = issue.statusWords ? `“${escapeHtml(issue.statusWords)}”` : '';
  return `${where}<br>${status} ${escapeHtml(STATUS_FROM[issue.statusFrom])} ${words}${issue.group ? `<br>分组 group ${escapeHtml(issue.group)}` : ''}`;
}

/** Renders the review page of a parsed report; `onDisk` (slug → entry) marks problems an editor has changed since. */
export function renderReview(parsed: ParsedReport, options: { id: string; source: string; onDisk?: ReadonlyMap<string, EntryOnDisk> }): string {
  const issues = new Map(parsed.issues.map((issue) => [issue.slug, issue]));
  const statusWords = parsed.issues.map((issue) => issue.statusWords ?? '').filter((words) => words.length > 0);
  const leftOut = parsed.placements.filter((placement) => placement.leftOut);
  const rows = parsed.placements
    .map((placement) => {
      const classes = [placement.leftOut ? 'left' : '', placement.field === 'title' && placement.issue ? 'problem' : ''].filter(Boolean).join(' ');
      const id = placement.field === 'title' && placement.issue ? ` id="${escapeHtml(placement.issue)}"` : '';
      return `<tr${classes ? ` class="${classes}"` : ''}${id}><td class="line">${placement.line}</td><td>${markText(placement.text, statusWords)}</td><td>${describePlacement(placement, issues)}</td></tr>`;
    })
    .join('\n');
  const problems = parsed.issues
    .map((issue) => {
      const disk = options.onDisk?.get(issue.slug);
      const changed =
        options.onDisk === undefined
          ? ''
          : !disk
            ? '<span class="tag left">未找到条目 no entry on disk</span>'
            : disk.status !== issue.status || disk.title !== issue.title
              ? `<span class="tag left">已编辑 edited since: ${escapeHtml(disk.status)} ${escapeHtml(disk.title)}</span>`
              : '';
      return `<tr><td><a href="#${escapeHtml(issue.slug)}">${escapeHtml(issue.slug)}</a></td><td>${escapeHtml(issue.ordinal)}${escapeHtml(issue.title)}</td><td><span class="tag ${STATUS_CLASS[issue.status] ?? ''}">${escapeHtml(labels.status[issue.status])}</span></td><td>${escapeHtml(STATUS_FROM[issue.statusFrom])}${issue.statusWords ? `：“${escapeHtml(issue.statusWords)}”` : ''}</td><td class="line">${issue.statusLine}</td><td>${changed}</td></tr>`;
    })
    .join('\n');
  const { data } = parsed;
  const warnings = parsed.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>导入核对 Import review: ${escapeHtml(options.id)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5rem; line-height: 1.6; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
td, th { border: 1px solid #ccc; padding: .35rem .5rem; vertical-align: top; text-align: left; }
td.line { color: #666; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.left { background: #fff1c2; }
tr.problem { background: #eef4ff; font-weight: 600; }
mark { background: #ffd54f; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-size: .85em; font-weight: 600; }
.tag.completed { background: #d7f5dd; } .tag.ongoing { background: #ffe3c2; } .tag.long-term { background: #e3dcff; } .tag.left { background: #ffc9c9; }
</style>
</head>
<body>
<h1>导入核对 Import review</h1>
<p>${escapeHtml(data.issuer)}《${escapeHtml(data.title)}》 ${escapeHtml(parsed.date)} · ${escapeHtml(options.id)} · 原文 source: ${escapeHtml(options.source)}</p>
<p>问题 problems: ${parsed.issues.length}（${(['completed', 'ongoing', 'longTerm'] as const).map((status) => `${labels.status[status]} ${parsed.issues.filter((issue) => issue.status === status).length}`).join('，')}）· 略去的段落 left out: ${leftOut.length} · 警告 warnings: ${parsed.warnings.length}</p>
<h2>问题及其状态 Problems and where their status was read</h2>
<table><thead><tr><th>文件 file</th><th>问题 problem</th><th>状态 status</th><th>依据 read from</th><th>行 line</th><th></th></tr></thead><tbody>
${problems}
</tbody></table>
${warnings ? `<h2>警告 Warnings</h2><ul>${warnings}</ul>` : ''}
<h2>原文与条目对照 Source beside the entries</h2>
<table><thead><tr><th>行 line</th><th>原文 source paragraph</th><th>读入 became</th></tr></thead><tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
