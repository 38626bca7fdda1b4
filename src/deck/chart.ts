// Geometry of the overview chart, computed at build time so the slide ships plain SVG and no chart library.
import { labels } from '#src/lib/labels.ts';
import type { ReportStats } from '#src/lib/stats.ts';

/** One segment of a stacked bar. */
export interface ChartSegment {
  key: 'completed' | 'ongoing';
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

/** Lays out one stacked bar of the counted completed vs ongoing problems (the build has checked they agree with every stated total). */
export function layoutTotalsChart(stats: ReportStats, size: { width?: number; rowHeight?: number } = {}): TotalsChart {
  const width = size.width ?? 900;
  const rowHeight = size.rowHeight ?? 80;
  const barX = 20;
  const barWidth = width - barX - 20;
  const barHeight = 56;
  const scale = Math.max(stats.total, 1);
  const row = (label: string, completed: number, ongoing: number, index: number): ChartRow => {
    const completedWidth = (completed / scale) * barWidth;
    const ongoingWidth = (ongoing / scale) * barWidth;
    return {
      label,
      y: index * rowHeight + (rowHeight - barHeight) / 2,
      total: completed + ongoing,
      segments: [
        { key: 'completed', label: labels.status.completed, value: completed, x: barX, width: completedWidth },
        { key: 'ongoing', label: labels.status.ongoing, value: ongoing, x: barX + completedWidth, width: ongoingWidth },
      ],
    };
  };
  return {
    width,
    height: rowHeight,
    barX,
    barWidth,
    barHeight,
    rows: [row(labels.stats.progress, stats.completed, stats.ongoing, 0)],
  };
}
