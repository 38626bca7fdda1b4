// What each PowerPoint slide shows, as plain data: the same facts the web deck's sections render,
// one view per slide kind. The renderers in slides.ts draw these and compute nothing of the report.
import type { IssueStatus } from '../../schemas/issue.ts';

export interface TitleView {
  kind: 'title';
  id: string;
  kicker: string;
  title: string;
  issuer: string;
  date: string;
  notes: string;
}

export interface OverviewView {
  kind: 'overview';
  id: string;
  items: number;
  problems: number;
  completed: number;
  ongoing: number;
  /** Completion rate as shown, e.g. 88%. */
  share: string;
  /** The visible note that the entries were counted and agree with the declared totals. */
  countNote: string;
  notes: string;
}

export interface TimelineView {
  kind: 'timeline';
  id: string;
  heading: string;
  events: { display: string; label: string }[];
  notes: string;
}

export interface OrganisationView {
  kind: 'organisation';
  id: string;
  heading: string;
  measures: { ordinal: string; lead: string; facts: string[] }[];
  notes: string;
}

export interface GroupView {
  kind: 'group';
  id: string;
  status: IssueStatus;
  heading: string;
  count: number;
  layout: 'opener' | 'grid';
  intro: string;
  grid: { number: number; shortTitle: string }[];
  notes: string;
}

export interface IssueView {
  kind: 'issue';
  id: string;
  status: IssueStatus;
  /** 已整改完成 · 第3个问题, with （续） on continuations. */
  tag: string;
  number: number;
  /** The heading: the editorial short title, with （续） on continuations. */
  heading: string;
  /** The problem as printed. */
  printed: string;
  highlights: { value: string; unit: string; label: string }[];
  bullets: { ordinal: string | null; lead: string }[];
  commitments: { due: string; state: string; quote: string }[];
  notes: string;
}

export interface PlanView {
  kind: 'plan';
  id: string;
  heading: string;
  points: string[];
  notes: string;
}

export interface CommitmentsView {
  kind: 'commitments';
  id: string;
  heading: string;
  rows: { due: string; shortTitle: string; quote: string; state: string }[];
  empty: string;
  notes: string;
}

export interface ClosingView {
  kind: 'closing';
  id: string;
  heading: string;
  contacts: { label: string; value: string }[];
  signature: string;
  archiveUrl?: string | undefined;
  notes: string;
}

export interface MdxView {
  kind: 'mdx';
  id: string;
  title: string;
  paragraphs: string[];
  notes: string;
}

export type SlideView = TitleView | OverviewView | TimelineView | OrganisationView | GroupView | IssueView | PlanView | CommitmentsView | ClosingView | MdxView;
