// Section 一、 (整改工作组织情况): an intro, then the measures （一）（二）…, each lead。text; and the meetings they date.
import { ImportError } from '#src/import/errors.ts';
import { parseChineseNumeral, SECTION, SUBSECTION, toDay } from '#src/import/patterns.ts';
import type { Paragraph, ReportInput } from '#src/import/types.ts';

type Organisation = NonNullable<ReportInput['organisation']>;
type Measure = NonNullable<Organisation['measures']>[number];

/** Reads section 一、 from its heading paragraph and the paragraphs up to section 二、. */
export function readOrganisation(heading: Paragraph, body: readonly Paragraph[]): Organisation {
  const firstMeasure = body.findIndex((p) => SUBSECTION.test(p.text));
  if (firstMeasure < 0) throw new ImportError('section 一、 has no （一） measures', heading.line);
  const intro = body
    .slice(0, firstMeasure)
    .map((p) => p.text)
    .join('');
  const measures: Measure[] = [];
  for (const paragraph of body.slice(firstMeasure)) {
    const match = SUBSECTION.exec(paragraph.text);
    if (match) {
      const text = match[2] ?? '';
      const cut = text.indexOf('。');
      measures.push({ ordinal: `（${match[1]}）`, lead: cut >= 0 ? text.slice(0, cut + 1) : text, text: cut >= 0 ? text.slice(cut + 1) : '' });
    } else {
      const last = measures.at(-1);
      if (last) last.text = `${last.text}${paragraph.text}`;
    }
  }
  measures.forEach((measure, index) => {
    if (parseChineseNumeral((measure.ordinal ?? '').slice(1, -1)) !== index + 1) {
      throw new ImportError(`organisation measure ${measure.ordinal} is out of sequence`, body[firstMeasure]?.line);
    }
  });
  return { heading: heading.text.replace(SECTION, '$2'), intro, measures };
}

/** Dated meetings of section 一 for the timeline; the year is taken from the feedback where the text omits it. */
export function readEvents(organisation: Organisation | undefined, feedbackYear: string): NonNullable<ReportInput['events']> {
  const events: NonNullable<ReportInput['events']> = [];
  for (const measure of organisation?.measures ?? []) {
    const text = `${measure.lead}${measure.text}`;
    for (const match of text.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:上午|下午)?，[^，。]*?召开([^，。]+)/gu)) {
      const event: NonNullable<ReportInput['events']>[number] = {
        date: toDay(match[1] ?? feedbackYear, match[2] ?? '', match[3] ?? ''),
        label: `召开${match[4]}`,
        quote: match[0],
      };
      if (!match[1]) event.dateNote = `原文未写年份，按反馈年份（${feedbackYear}年）推定`;
      events.push(event);
    }
  }
  return events;
}
