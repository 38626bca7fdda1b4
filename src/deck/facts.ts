// Key facts for the organisation slide, taken from the report's dated events so no date is typed twice.

import { splitMeasures } from '#src/lib/measures.ts';
import { escapeMdx, splitSentences } from '#src/lib/text.ts';
import { formatDay } from '#src/lib/timeline.ts';
import type { OrganisationMeasure, ReportData } from '#src/schemas/report.ts';

/** An organisation measure with the dated events its text mentions. */
export interface MeasureWithFacts extends OrganisationMeasure {
  facts: { date: string; display: string; label: string }[];
  /** A part's measures, each by its lead phrase or first sentence (一是提高思想认识。); none for a plain measure. */
  points: string[];
}

/** Each organisation measure with the report events whose quote occurs in its text. */
export function listOrganisationFacts(report: { data: Pick<ReportData, 'organisation' | 'events'> }): MeasureWithFacts[] {
  const organisation = report.data.organisation;
  // A part with a heading of its own (主体责任, 第一责任人) is one item: its heading leads, its measures follow.
  const measures = [
    ...(organisation?.measures ?? []).map((measure) => ({ ...measure, points: [] as string[] })),
    ...listIntroMeasures(organisation).map((measure) => ({ ...measure, points: [] as string[] })),
    ...(organisation?.parts ?? []).map((part) => ({
      ordinal: part.ordinal,
      lead: part.heading,
      text: part.measures.map((measure) => `${measure.ordinal ?? ''}${measure.lead ?? ''}${measure.text}`).join('\n\n'),
      points: part.measures.map((measure) => `${measure.ordinal ?? ''}${measure.lead ?? splitSentences(measure.text)[0] ?? measure.text}`),
    })),
  ];
  return measures.map((measure) => ({
    ...measure,
    facts: report.data.events
      .filter((event) => `${measure.lead ?? ''}${measure.text}`.includes(event.quote))
      .map((event) => ({ date: event.date, display: formatDay(event.date), label: event.label })),
  }));
}

/**
 * The measures of an organisation section printed as its intro alone (局党组高度重视…。一是…二是…): its lead-in and
 * each inline measure, so the slide shows them rather than a heading over an empty list. None where the section
 * has measures or parts of its own (the intro then stays in the notes only).
 */
export function listIntroMeasures(organisation: ReportData['organisation']): OrganisationMeasure[] {
  if (!organisation?.intro || organisation.measures.length > 0 || (organisation.parts ?? []).length > 0) return [];
  const split = splitMeasures(escapeMdx(organisation.intro));
  return [
    ...split.leadIn.map((text) => ({ text: text.trim() })),
    ...split.measures.map((measure) => (measure.ordinal ? { ordinal: measure.ordinal, lead: measure.lead, text: measure.text } : { text: measure.paragraph })),
  ];
}
