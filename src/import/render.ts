// Renders parsed data as the collection's files: report.yaml and one MDX file per problem.
import { stringify } from 'yaml';
import { escapeMdx } from '#src/lib/text.ts';
import type { IssueInput, ParsedIssue, ReportInput } from './types.ts';

/** The file name of a problem within its report folder, e.g. completed-01.mdx or 02-01-03.mdx. */
export function getIssueFileName(issue: Pick<ParsedIssue, 'slug'>): string {
  return `${issue.slug}.mdx`;
}

const yamlOptions = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

/** The report's metadata file. */
export function renderReportYaml(data: ReportInput): string {
  return `# 通报元数据：逐字转录，编辑时保持原文措辞。\n${stringify(data, yamlOptions)}`;
}

/**
 * One problem's MDX file: frontmatter, then one paragraph per measure. Suggested commitments, and the earlier
 * problem it may continue (`continues`, a <report-id>/<problem-slug>), stay commented out until an editor confirms them.
 */
export function renderIssueMdx(issue: ParsedIssue, reportId: string, extra: Partial<IssueInput> = {}, proposedContinues?: string): string {
  const front: IssueInput = {
    report: reportId,
    status: issue.status,
    // Where the status is stated: absent for a group heading (the seed's status groups).
    ...(issue.statusFrom === 'heading' || issue.statusFrom === 'editor' ? {} : { statusFrom: issue.statusFrom }),
    ...(issue.statusWords ? { statusWords: issue.statusWords } : {}),
    ...(issue.group ? { group: issue.group } : {}),
    // The printed ordinal, unless it is the default N．.
    ...(issue.ordinal === `${issue.number}．` ? {} : { ordinal: issue.ordinal }),
    number: issue.number,
    title: issue.title,
    ...(issue.finding ? { finding: issue.finding } : {}),
    ...(issue.measuresLabel ? { measuresLabel: issue.measuresLabel } : {}),
    shortTitle: issue.shortTitle,
    ...extra,
  };
  let yaml = stringify(front, yamlOptions);
  if (issue.statusFrom === 'editor')
    yaml +=
      '# 通报未写明本问题的整改状态，按导入时的 --status 填写，请编辑核对 the report does not state this status: set by --status at import; an editor should confirm it\n';
  if (issue.suggestedCommitments.length > 0 && !('commitments' in extra)) {
    const suggestion = stringify({ commitments: issue.suggestedCommitments }, yamlOptions)
      .trimEnd()
      .split('\n')
      .map((line) => `# ${line}`)
      .join('\n');
    yaml += `# 导入时识别的承诺事项（建议，请编辑确认后取消注释）：\n${suggestion}\n`;
  }
  if (proposedContinues && !('continues' in extra)) {
    yaml += `# 较早通报中有标题相同的问题，本问题可能延续该问题（建议，请核对后取消注释）：\n# ${stringify({ continues: proposedContinues }, yamlOptions).trimEnd()}\n`;
  }
  const body = issue.paragraphs.map(escapeMdx).join('\n\n');
  return `---\n${yaml}---\n\n${body}\n`;
}
