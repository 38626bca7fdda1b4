// The summary printed after an import: problems per status, declared totals and whether they agree, warnings.
import { describeInvisible } from '#src/lib/hygiene.ts';
import { labels } from '#src/lib/labels.ts';
import type { PreparedImport } from './prepare.ts';
import type { PublishedSource } from './published.ts';
import type { SourceText } from './source.ts';
import type { ParsedIssue } from './types.ts';

/** What an import did, for its summary. */
export interface ImportOutcome extends PreparedImport {
  /** The source file as given. */
  file: string;
  /** The report folder (written unless a dry run). */
  dir: string;
  written: boolean;
  replaced: boolean;
  source: Omit<SourceText, 'text'>;
  /** The copy of the source document kept in the report folder as its 原文. */
  published: PublishedSource;
}

/** The summary printed after an import. */
export function formatSummary(result: ImportOutcome): string {
  const { parsed } = result;
  const { data } = parsed;
  const declared = data.declared ?? {};
  const count = (status: ParsedIssue['status']) => parsed.issues.filter((issue) => issue.status === status).length;
  const mark = (a: number, b: number) => (a === b ? '✓ 一致 agrees' : '✗ 不符 differs');
  // A total the report does not state is said to be missing, never shown as if declared.
  const against = (found: number, value: string | number, against: number, line: number | undefined) =>
    line === undefined ? '（未声明 not declared）' : `（声明 declared ${value}, line ${line}）${mark(found, against)}`;
  const lines = [
    `来源 Source: ${result.source.format} (${result.source.encoding}${result.source.layout ? `, ${result.source.layout}` : ''})`,
    `报告 Report: ${data.issuer}《${data.title}》 ${parsed.date}`,
    result.idDerived
      ? `编号 Id: ${result.id}（未指定 --id，按成文日期生成 derived from the report's date; pass --id to choose another）`
      : `编号 Id: ${result.id}`,
    `${labels.status.completed} completed: ${count('completed')}${against(count('completed'), declared.completed ?? 0, declared.completed ?? 0, parsed.declaredLines.completed)}`,
    `${labels.status.ongoing} ongoing: ${count('ongoing')}${against(count('ongoing'), declared.ongoing ?? 0, declared.ongoing ?? 0, parsed.declaredLines.ongoing)}`,
  ];
  if (count('longTerm') > 0 || declared.longTerm !== undefined) {
    lines.push(
      `${labels.status.longTerm} longTerm: ${count('longTerm')}${against(count('longTerm'), declared.longTerm ?? 0, declared.longTerm ?? 0, parsed.declaredLines.longTerm)}`,
    );
  }
  const stated = `${declared.items === undefined ? '' : `${declared.items}项`}${declared.problems}个问题`;
  lines.push(`合计 total: ${parsed.issues.length}${against(parsed.issues.length, stated, declared.problems ?? 0, parsed.declaredLines.problems)}`);
  if (declared.rate) lines.push(`整改完成率 rate: ${declared.rate}（line ${parsed.declaredLines.rate}）`);
  // Where each status was read from, so an editor knows what to check in the review.
  const from = (source: ParsedIssue['statusFrom']) => parsed.issues.filter((issue) => issue.statusFrom === source).length;
  lines.push(
    `状态来源 status read from: 分组标题 heading ${from('heading')}, 整改状态行 line ${from('line')}, 结语 phrase ${from('phrase')}${from('editor') > 0 ? `, --status ${from('editor')}` : ''}`,
  );
  if ((data.outcomes ?? []).length > 0)
    lines.push(`整改成效 outcomes: ${(data.outcomes ?? []).map((outcome) => `${outcome.label}${outcome.value}${outcome.unit ?? ''}`).join('，')}`);
  const leftOut = parsed.placements.filter((placement) => placement.leftOut !== undefined);
  lines.push(leftOut.length === 0 ? '略去的段落 Left out: none' : `略去的段落 Left out (${leftOut.length}):`);
  for (const placement of leftOut)
    lines.push(`  line ${placement.line}: ${placement.text.length > 40 ? `${placement.text.slice(0, 40)}…` : placement.text}（${placement.leftOut}）`);
  lines.push(`部首字符 Kangxi/CJK radicals mapped to unified ideographs: ${result.radicalsMapped}`);
  const invisible = result.invisibleRemoved;
  lines.push(
    invisible.length === 0
      ? '不可见字符 invisible characters (controls, bidi, zero-width) removed: 0'
      : `不可见字符 invisible characters (controls, bidi, zero-width) removed: ${invisible.length}（${result.file}: ${describeInvisible(invisible)}）`,
  );
  const suggestions = parsed.issues.reduce((sum, issue) => sum + issue.suggestedCommitments.length, 0);
  if (suggestions > 0)
    lines.push(`建议的承诺事项 suggested commitments: ${suggestions}（以注释写入，请编辑确认 written as comments for an editor to confirm）`);
  if (result.proposedContinues.size > 0) {
    lines.push(
      `建议的延续关系 proposed continues: ${result.proposedContinues.size}（与同一发文机关较早通报中的问题标题相同，以注释写入，请核对 titles equal to problems of an earlier report of the same issuer; written as comments for an editor to confirm）`,
    );
    for (const [file, round] of result.proposedContinues) lines.push(`  ${file} → continues: ${round.key}（${round.date}《${round.reportTitle}》）`);
  }
  const { ocr } = result.source;
  if (ocr) {
    lines.push(
      `光学字符识别 OCR: ${ocr.pages} pages (${ocr.engine}); report.yaml 标记 ocr.confirmed: false，核对文字后改为 true marked ocr.confirmed: false — set it to true once an editor has checked the text`,
    );
    lines.push(`低置信度的行 low-confidence lines (mean word confidence below ${ocr.threshold}): ${ocr.lowConfidence.length}`);
    for (const low of ocr.lowConfidence) lines.push(`  line ${low.line} (page ${low.page}, confidence ${low.confidence}): ${low.text}`);
  }
  lines.push(parsed.warnings.length === 0 ? '警告 Warnings: none' : `警告 Warnings (${parsed.warnings.length}):`);
  for (const warning of parsed.warnings) lines.push(`  ${warning}`);
  const { published } = result;
  const converted = published.convertedFrom ? `，由 ${published.convertedFrom} 转为 UTF-8 converted from ${published.convertedFrom} to UTF-8` : '';
  const sanitised = published.sanitised ? '，已清除脚本、事件、框架、表单与外部引用 sanitised: no scripts, handlers, iframes, forms or remote references' : '';
  lines.push(`原文 Source document: ${published.fileName}（${published.bytes.length} bytes${converted}${sanitised}）`);
  // The rendered files and the source document.
  const fileCount = result.files.size + 1;
  lines.push(
    result.written
      ? `${result.replaced ? '已替换 Replaced' : '已写入 Written'}: ${result.dir}（${fileCount} files）`
      : `试运行，未写入 Dry run, nothing written (would write ${fileCount} files to ${result.dir})`,
  );
  return lines.join('\n');
}
