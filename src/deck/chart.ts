// Geometry of the overview chart, computed at build time so the slide ships plain SVG and no chart library.
import { labels } from '#src/lib/labels.ts';
import type { ReportStats } from '#src/lib/stats.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';

/** One segment of a stacked bar. */
export interface ChartSegment {
  key: IssueStatus;
  label: string;
  value: number;
  x: number;
  width: number;
}

/** One row of the chart: a label and its stacked bar. */
export interface ChartRow {
  label: string;
  y: number;
  total: number;
  segments: ChartSegment[];
}

/** The chart's size and rows. */
export interface TotalsChart {
  width: number;
  height: number;
  barX: number;
  barWidth: number;
  barHeight: number;
  rows: ChartRow[];
}

/** Lays out one stacked bar of the counted problems by status (completed, ongoing, long-term) (the build has checked they agree with every stated total). */
export function layoutTotalsChart(stats: ReportStats, size: { width?: number; rowHeight?: number } = {}): TotalsChart {
  const width = size.width ?? 900;
  const rowHeight = size.rowHeight ?? 80;
  const barX = 20;
  const barWidth = width - barX - 20;
  const barHeight = 56;
  const scale = Math.max(stats.total, 1);
  const row = (label: string, index: number): ChartRow => {
    let x = barX;
    const segments = stats.statuses.map((key): ChartSegment => {
      const value = stats.byStatus[key];
      const segment = { key, label: labels.status[key], value, x, width: (value / scale) * barWidth };
      x += segment.width;
      return segment;
    });
    return { label, y: index * rowHeight + (rowHeight - barHeight) / 2, total: stats.total, segments };
  };
  return {
    width,
    height: rowHeight,
    barX,
    barWidth,
    barHeight,
    rows: [row(labels.stats.progress, 0)],
  };
}
