// Editorial proposals the importer makes for an editor to confirm: short titles and dated commitments.
import { toDay, toMonth } from './patterns.ts';
import type { SuggestedCommitment } from './types.ts';

// Short titles are proposed by src/lib/titles.ts: a whole phrase within 20 characters, never cut with “…”.
export { proposeShortTitle } from '#src/lib/titles.ts';

/** Finds sentences that promise dated action (拟于, 计划于, 将于, 下一步 with a date). */
export function suggestCommitments(text: string, fallbackYear: number): SuggestedCommitment[] {
  const found: SuggestedCommitment[] = [];
  const pattern = /(?:拟于|计划于|将于|下一步[^。]*?于)((?:(\d{4})年)?(\d{1,2})月(?:份|(\d{1,2})日|[上中下]旬)?)[^，。；]*/gu;
  for (const match of text.matchAll(pattern)) {
    const year = match[2] ? Number(match[2]) : fallbackYear;
    const due = match[4] ? toDay(year, match[3] ?? '', match[4]) : toMonth(year, match[3] ?? '');
    const suggestion: SuggestedCommitment = { due, quote: match[0] };
    if (!match[2]) suggestion.dateNote = `原文未写年份，按${year}年推定`;
    found.push(suggestion);
  }
  return found;
}
