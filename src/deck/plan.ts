// Which slides a report's deck holds, in order: the one place that turns config + entries into slides,
// so the route renders it and the tests count it without a second copy of the rules.
import type { IssueEntry, ReportEntry } from '#src/lib/entries.ts';
import { getIssueSlug, listIssuesByStatus } from '#src/lib/order.ts';
import { getDeckSlideId } from '#src/lib/urls.ts';
import { type DeckConfig, type DeckSection, deckConfigSchema } from '#src/schemas/deck.ts';

/** One slide of the plan: its stable id (…/deck/#/<id>), what it shows, and the problem or MDX file behind it. */
export type PlannedSlide =
  | { id: string; kind: Exclude<DeckSection, 'overview' | 'completed' | 'ongoing'> }
  | { id: string; kind: 'overview' | 'timeline' }
  | { id: string; kind: 'group'; status: 'completed' | 'ongoing'; layout: 'opener' | 'grid' }
  | { id: string; kind: 'issue'; issue: IssueEntry }
  | { id: string; kind: 'mdx'; file: string };

/** A horizontal position of the deck: one slide, or a vertical stack whose first slide is the top. */
export type PlannedStack = PlannedSlide[];

/** The default configuration, used when a report has no slides/<id>/deck.yaml. */
export function getDefaultDeckConfig(): DeckConfig {
  return deckConfigSchema.parse({});
}

/** The id of a hand-written MDX slide, from its file name. */
export function getMdxSlideId(file: string): string {
  return `slide-${file}`;
}

/** Plans a report's deck from its config and entries: horizontal stacks of slides in presenting order. */
export function planDeck(report: ReportEntry, issues: readonly IssueEntry[], config: DeckConfig = getDefaultDeckConfig()): PlannedStack[] {
  const stacks: PlannedStack[] = [];
  const issueSlides = (status: 'completed' | 'ongoing'): PlannedSlide[] =>
    listIssuesByStatus(report.id, status, issues).map((issue) => ({ id: getDeckSlideId(getIssueSlug(issue)), kind: 'issue', issue }));
  for (const section of config.sections) {
    if (section.startsWith('mdx:')) {
      const file = section.slice('mdx:'.length);
      stacks.push([{ id: getMdxSlideId(file), kind: 'mdx', file }]);
      continue;
    }
    switch (section as DeckSection) {
      case 'overview':
        stacks.push([{ id: 'overview', kind: 'overview' }], [{ id: 'timeline', kind: 'timeline' }]);
        break;
      case 'completed':
        if (config.completedLayout === 'grid') {
          stacks.push([{ id: 'completed', kind: 'group', status: 'completed', layout: 'grid' }, ...issueSlides('completed')]);
        } else {
          stacks.push([{ id: 'completed', kind: 'group', status: 'completed', layout: 'opener' }], ...issueSlides('completed').map((slide) => [slide]));
        }
        break;
      case 'ongoing':
        stacks.push([{ id: 'ongoing', kind: 'group', status: 'ongoing', layout: 'opener' }], ...issueSlides('ongoing').map((slide) => [slide]));
        break;
      default:
        stacks.push([{ id: section, kind: section as 'title' | 'organisation' | 'plan' | 'commitments' | 'closing' }]);
    }
  }
  return stacks;
}

/** Every slide id of a plan in presenting order (top of a stack first). */
export function listPlannedSlideIds(stacks: readonly PlannedStack[]): string[] {
  return stacks.flatMap((stack) => stack.map((slide) => slide.id));
}
