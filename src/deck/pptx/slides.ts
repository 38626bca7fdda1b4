// One renderer per slide kind: a planned slide (src/deck/plan.ts) in, native text boxes and shapes out, in frame px.
// They draw what the plan holds, at the plan's type sizes, and compute nothing of the report.

import QRCode from 'qrcode';
import { BLOCK, TYPE } from '#src/deck/fit.ts';
import type {
  CarriedSlide,
  ClosingSlide,
  CommitmentsSlide,
  GroupSlide,
  IssueSlide,
  OpenSlide,
  OrganisationSlide,
  OverviewSlide,
  PlannedSlide,
  PlanSlide,
  SummarySlide,
  TimelineSlide,
  TitleSlide,
} from '#src/deck/plan.ts';
import { GRID_COLUMNS, SPACE } from '#src/deck/tokens.ts';
import { labels } from '#src/lib/labels.ts';
import { colors, contentBox, frame, minFontPx } from './frame.ts';
import { bulletIndentPx, createParagraph, fitTextBox, type Paragraph, type PathShape, type PptxSlide, type Run, type SlideItem } from './model.ts';
import { bodyLineHeight, type FittedSlide, fitSlide, headingLineHeight, placeBullets, placeHeading } from './slide-parts.ts';
import { getLastLineRoom, getTextEm } from './text-size.ts';

const contentWidth = contentBox.right - contentBox.left;
// Each status its colour (the theme's .status-* rules); a group of the report's own whose problems differ in status
// has none and stays in ink.
const STATUS_COLORS: Record<string, string> = { completed: colors.ok, ongoing: colors.warn, longTerm: colors.longTerm };
const statusColor = (status: string | undefined) => (status === undefined ? colors.ink : (STATUS_COLORS[status] ?? colors.warn));
const bottomOf = (items: readonly SlideItem[]) => Math.max(0, ...items.map((item) => item.y + item.h));
/** The tag after a lead phrase the slide shows in part: the whole measure is in the notes. */
// At the web deck's tag size (TYPE.label), within the room the plan keeps for it (MORE_TAG_PX): at the bullet's own
// size, with brackets, it was wider and wrapped, leaving （见备 and 注） on two lines.
const moreTag: Run = { text: `　${labels.deck.seeNotes}`, color: colors.muted, sizePx: TYPE.label };
/** Room the tag keeps beyond its own width on the line it ends: renderers set Latin and spacing differently. */
const TAG_SLACK_EM = 2;

/**
 * A shortened text's runs followed by the 见备注 tag, on a line of its own when the last line has too little room
 * left: LibreOffice otherwise broke inside the tag (见 / 备注), since Han text may break anywhere and no
 * character that forbids a break there is honoured by every renderer.
 */
function appendMoreTag(runs: Run[], sizePx: number, widthPx: number): Run[] {
  const measured = runs.map((run) => ({ text: run.text, sizePx: run.sizePx ?? sizePx }));
  const tagPx = getTextEm(moreTag.text) * TYPE.label + TAG_SLACK_EM * sizePx;
  return [...runs, getLastLineRoom(measured, widthPx) < tagPx ? { ...moreTag, text: labels.deck.seeNotes, softBreakBefore: true } : moreTag];
}

/** What a hand-written MDX slide says, read from its file (the plan names the file only). */
export interface MdxText {
  title: string;
  paragraphs: string[];
}

/** Title: kicker, report title, issuer and date, centred under the accent band. */
export function renderTitleSlide(slide: TitleSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const width = contentWidth - 96;
    const x = contentBox.left + 48;
    const parts = [
      { name: '巡察', p: createParagraph(slide.kicker, scale.body), color: colors.muted, bold: false, gap: 16 },
      { name: '标题', p: createParagraph(slide.title, scale.heading), color: colors.ink, bold: true, gap: 48 },
      { name: '发文机关', p: createParagraph(slide.issuer, scale.body + 4), color: colors.ink, bold: true, gap: 8 },
      { name: '日期', p: createParagraph(slide.date.display, scale.body), color: colors.muted, bold: false, gap: 0 },
    ].map((part) => ({
      gap: part.gap,
      box: fitTextBox({
        name: part.name,
        x,
        y: 0,
        w: width,
        paragraphs: [part.p],
        color: part.color,
        bold: part.bold,
        align: 'center',
        lineHeight: headingLineHeight,
      }),
    }));
    const total = parts.reduce((sum, part) => sum + part.box.h + part.gap, 0);
    let y = Math.max(contentBox.top + 16, (frame.height - total) / 2);
    const items: SlideItem[] = [{ type: 'shape', name: '色带', shape: 'rect', x: 0, y: 0, w: frame.width, h: SPACE.titleBand, fill: colors.accent }];
    for (const part of parts) {
      items.push({ ...part.box, y });
      y += part.box.h + part.gap;
    }
    return items;
  });
}

/** Overview: the stated totals once (counted figures captioned as such), a native stacked bar, the rate and the count note. */
export function renderOverviewSlide(slide: OverviewSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    // The status figures keep their colours; 项 and 问题 stay in ink.
    const colorOf = { items: colors.ink, problems: colors.ink, completed: colors.ok, ongoing: colors.warn, longTerm: colors.longTerm } as const;
    const cards = slide.totals.map((total) => ({ value: total.value, unit: total.unit, label: total.caption, color: colorOf[total.key] }));
    const gap = 24;
    const cardWidth = (contentWidth - gap * (cards.length - 1)) / cards.length;
    const texts: SlideItem[] = [];
    let cardHeight = 0;
    cards.forEach((card, index) => {
      const x = contentBox.left + index * (cardWidth + gap);
      const figure = fitTextBox({
        name: `${card.label}数`,
        x: x + 20,
        y: bottom + 12,
        w: cardWidth - 40,
        paragraphs: [
          {
            runs: [
              { text: String(card.value), bold: true, color: card.color },
              { text: card.unit, sizePx: scale.body },
            ],
            sizePx: 72,
          },
        ],
        color: colors.ink,
        lineHeight: 1.15,
      });
      const label = fitTextBox({
        name: card.label,
        x: x + 20,
        y: figure.y + figure.h,
        w: cardWidth - 40,
        paragraphs: [createParagraph(card.label, scale.small)],
        color: colors.muted,
        lineHeight: bodyLineHeight,
      });
      cardHeight = Math.max(cardHeight, label.y + label.h + 12 - bottom);
      texts.push(figure, label);
    });
    cards.forEach((card, index) => {
      items.push({
        type: 'shape',
        name: `${card.label}框`,
        shape: 'roundRect',
        x: contentBox.left + index * (cardWidth + gap),
        y: bottom,
        w: cardWidth,
        h: cardHeight,
        line: { color: colors.line, widthPx: 2 },
      });
    });
    items.push(...texts);
    // The plan's one stacked bar, drawn across the content width.
    const barTop = bottom + cardHeight + 32;
    const { chart } = slide;
    // The legend names the bar's own (counted) segments, as the web deck's chart does.
    const counted = Object.fromEntries(chart.rows[0]?.segments.map((segment) => [segment.key, segment.value]) ?? []) as Record<string, number>;
    const stretch = contentWidth / chart.barWidth;
    for (const row of chart.rows) {
      for (const segment of row.segments.filter((s) => s.value > 0)) {
        const x = contentBox.left + (segment.x - chart.barX) * stretch;
        const w = segment.width * stretch;
        const fill = statusColor(segment.key);
        items.push({ type: 'shape', name: `${segment.label}条`, shape: 'rect', x, y: barTop + row.y, w, h: chart.barHeight, fill });
        if (w >= scale.body * 2.5) {
          items.push(
            fitTextBox({
              name: `${segment.label}条数`,
              x,
              y: barTop + row.y + (chart.barHeight - scale.body * headingLineHeight) / 2,
              w,
              paragraphs: [createParagraph(String(segment.value), scale.body)],
              color: colors.white,
              bold: true,
              align: 'center',
              lineHeight: headingLineHeight,
            }),
          );
        }
      }
    }
    const legend = fitTextBox({
      name: '图例',
      x: contentBox.left,
      y: barTop + chart.height + 8,
      w: contentWidth,
      paragraphs: [
        {
          sizePx: TYPE.small + 2,
          runs: [
            ...(chart.rows[0]?.segments ?? []).flatMap((segment) => [
              { text: '■ ', color: statusColor(segment.key) },
              { text: `${segment.label} ${counted[segment.key]}${labels.stats.unitProblem}　` },
            ]),
            { text: `${labels.stats.share} ${slide.completionRate}`, bold: true, color: colors.ink },
          ],
        },
      ],
      color: colors.muted,
      lineHeight: bodyLineHeight,
    });
    const note = fitTextBox({
      name: '核对说明',
      x: contentBox.left,
      y: legend.y + legend.h + 8,
      w: contentWidth,
      paragraphs: [createParagraph(slide.countedNote, scale.small)],
      color: colors.muted,
      lineHeight: bodyLineHeight,
    });
    items.push(legend, note);
    return items;
  });
}

/**
 * A dated list drawn as a native timeline: a rule, a dot per row, the date and the text beside it, and `below` (a
 * row's context: its progress, its report) as a line of its own at the small size, as the web deck shows it.
 */
function placeTimeline(rows: { date: string; text: Run[]; below?: Run[] }[], top: number, sizePx: number, dotColor: string): SlideItem[] {
  const items: SlideItem[] = [];
  const ruleX = contentBox.left + 12;
  const textX = ruleX + 32;
  // The plan's date column, widened where a date would wrap in a wider face.
  const dateWidth = Math.max(BLOCK.timeColumn, (Math.max(0, ...rows.map((row) => getTextEm(row.date))) + 1) * sizePx);
  let y = top;
  for (const [index, row] of rows.entries()) {
    const date = fitTextBox({
      name: `日期${index + 1}`,
      x: textX,
      y,
      w: dateWidth,
      paragraphs: [createParagraph(row.date, sizePx)],
      color: colors.ink,
      bold: true,
      lineHeight: bodyLineHeight,
    });
    const label = fitTextBox({
      name: `事项${index + 1}`,
      x: textX + dateWidth + 12,
      y,
      w: contentBox.right - textX - dateWidth - 12,
      paragraphs: [{ runs: row.text, sizePx }, ...(row.below ? [{ runs: row.below, sizePx: TYPE.small }] : [])],
      color: colors.ink,
      lineHeight: bodyLineHeight,
    });
    const dot = 20;
    items.push(
      {
        type: 'shape',
        name: `节点${index + 1}`,
        shape: 'ellipse',
        x: ruleX - dot / 2 + 2,
        y: y + (sizePx * bodyLineHeight - dot) / 2,
        w: dot,
        h: dot,
        fill: dotColor,
      },
      date,
      label,
    );
    y += Math.max(date.h, label.h) + BLOCK.itemGap;
  }
  items.unshift({ type: 'shape', name: '时间轴', shape: 'rect', x: ruleX, y: top, w: 4, h: Math.max(0, y - top - BLOCK.itemGap), fill: colors.line });
  return items;
}

/** Timeline: inspection, feedback, meetings and the report, in date order. */
export function renderTimelineSlide(slide: TimelineSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    return [
      ...items,
      ...placeTimeline(
        slide.events.map((event) => ({ date: event.date.display, text: [{ text: event.label }] })),
        bottom,
        scale.body,
        colors.accent,
      ),
    ];
  });
}

/** Organisation: each measure's ordinal and lead phrase, with the dated facts its text mentions. */
export function renderOrganisationSlide(slide: OrganisationSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    let y = bottom;
    const leadSize = scale.body + 4;
    const ordinalWidth = leadSize * 3.2;
    for (const [index, item] of slide.items.entries()) {
      const paragraphs: Paragraph[] = [createParagraph(item.lead, leadSize, { bold: true })];
      if (item.facts.length > 0)
        paragraphs.push(createParagraph(item.facts.map((f) => `${f.date.display} ${f.label}`).join('；'), scale.small, { color: colors.muted }));
      for (const point of item.points) paragraphs.push(createParagraph(point, scale.body));
      const ordinal = fitTextBox({
        name: `序号${index + 1}`,
        x: contentBox.left,
        y,
        w: ordinalWidth,
        paragraphs: [createParagraph(item.ordinal, leadSize)],
        color: colors.accent,
        bold: true,
        lineHeight: bodyLineHeight,
      });
      const text = fitTextBox({
        name: `措施${index + 1}`,
        x: contentBox.left + ordinalWidth + 12,
        y,
        w: contentWidth - ordinalWidth - 12,
        paragraphs,
        color: colors.ink,
        lineHeight: bodyLineHeight,
      });
      items.push(ordinal, text);
      y += Math.max(ordinal.h, text.h) + BLOCK.itemGap * 2;
    }
    return items;
  });
}

/** Group opener: heading and count, then its intro (opener) or a grid of its problems' short titles (grid). */
export function renderGroupSlide(slide: GroupSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const countWidth = 320;
    const count = fitTextBox({
      name: '数量',
      x: contentBox.right - countWidth,
      y: contentBox.top,
      w: countWidth,
      paragraphs: [
        {
          runs: [
            { text: String(slide.count), color: statusColor(slide.status) },
            { text: labels.stats.unitProblem, sizePx: 32 },
          ],
          sizePx: TYPE.count,
        },
      ],
      color: colors.ink,
      bold: true,
      align: 'right',
      lineHeight: 1.1,
    });
    const heading = fitTextBox({
      name: '标题',
      x: contentBox.left,
      y: count.y + count.h - scale.heading * headingLineHeight - 8,
      w: contentWidth - countWidth,
      paragraphs: [createParagraph(slide.heading, scale.heading)],
      color: colors.ink,
      bold: true,
      lineHeight: headingLineHeight,
    });
    const ruleY = Math.max(heading.y + heading.h, count.y + count.h) + 8;
    const items: SlideItem[] = [
      heading,
      count,
      { type: 'shape', name: '标题线', shape: 'rect', x: contentBox.left, y: ruleY, w: contentWidth, h: 4, fill: colors.accent },
    ];
    if (slide.layout === 'opener') {
      items.push(
        fitTextBox({
          name: '说明',
          x: contentBox.left,
          y: ruleY + SPACE.openerGap,
          w: contentWidth,
          paragraphs: [createParagraph(slide.intro, scale.body)],
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
      return items;
    }
    // The grid shows short titles four to a row; the brief form's table the printed problems two to a row.
    const table = slide.layout === 'table';
    const columns = table ? 2 : GRID_COLUMNS;
    const gap = SPACE.gridGap;
    const cellWidth = (contentWidth - gap * (columns - 1)) / columns;
    const cells = slide.cells.map((cell) =>
      fitTextBox({
        name: `问题${cell.number}`,
        x: 0,
        y: 0,
        w: cellWidth - 2 * SPACE.cellPadX,
        paragraphs: [
          {
            runs: [
              { text: `${cell.number}  `, bold: true, color: statusColor(slide.status) },
              { text: table ? (cell.problem ?? cell.shortTitle) : cell.shortTitle, ...(cell.target ? { link: cell.target } : {}) },
            ],
            sizePx: table ? scale.body : scale.small,
          },
        ],
        color: colors.ink,
        lineHeight: bodyLineHeight,
      }),
    );
    const rowHeight = Math.max(0, ...cells.map((cell) => cell.h)) + 2 * SPACE.cellPadY + 2 * SPACE.cellBorder;
    cells.forEach((cell, index) => {
      const x = contentBox.left + (index % columns) * (cellWidth + gap);
      const y = ruleY + 24 + Math.floor(index / columns) * (rowHeight + SPACE.gridRowGap);
      items.push(
        {
          type: 'shape',
          name: `格${index + 1}`,
          shape: 'roundRect',
          x,
          y,
          w: cellWidth,
          h: rowHeight,
          line: { color: colors.line, widthPx: SPACE.cellBorder },
        },
        { ...cell, x: x + SPACE.cellPadX, y: y + SPACE.cellPadY + SPACE.cellBorder },
      );
    });
    return items;
  });
}

/** A problem (or a continuation): kicker, number and the problem as printed, key figures, lead-in, every measure's lead, commitments. */
export function renderIssueSlide(slide: IssueSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const color = statusColor(slide.status);
    const heading = placeHeading([{ text: `${slide.number}  `, color }, { text: slide.heading }], scale.heading, contentBox.top, {
      kicker: slide.kicker,
      kickerSize: TYPE.kicker,
    });
    const items = [...heading.items];
    let y = heading.bottom;
    for (let from = 0; from < slide.figures.length; from += 3) {
      const row = slide.figures.slice(from, from + 3);
      const gap = 24;
      const width = (contentWidth - gap * 2) / 3;
      const boxes = row.map((figure, index) => {
        const x = contentBox.left + index * (width + gap);
        const value = fitTextBox({
          name: `数字${from + index + 1}`,
          x: x + 16,
          y: y + 8,
          w: width - 32,
          paragraphs: [
            {
              runs: [
                { text: figure.value, bold: true, color: colors.accent },
                { text: figure.unit, sizePx: scale.small + 4 },
              ],
              sizePx: TYPE.figure,
            },
          ],
          color: colors.ink,
          lineHeight: 1.15,
        });
        const label = fitTextBox({
          name: `数字说明${from + index + 1}`,
          x: x + 16,
          y: value.y + value.h,
          w: width - 32,
          paragraphs: [createParagraph(figure.label, scale.small)],
          color: colors.muted,
          lineHeight: bodyLineHeight,
        });
        return { x, value, label };
      });
      const height = Math.max(...boxes.map((box) => box.label.y + box.label.h - y)) + 8;
      for (const [index, box] of boxes.entries()) {
        items.push(
          { type: 'shape', name: `数字框${from + index + 1}`, shape: 'roundRect', x: box.x, y, w: width, h: height, fill: colors.panel },
          box.value,
          box.label,
        );
      }
      y += height + 16;
    }
    if (slide.leadIn) {
      const leadIn = fitTextBox({
        name: '引言',
        x: contentBox.left,
        y,
        w: contentWidth,
        paragraphs: [
          {
            runs: slide.leadIn.complete ? [{ text: slide.leadIn.text }] : appendMoreTag([{ text: slide.leadIn.text }], scale.body, contentWidth),
            sizePx: scale.body,
          },
        ],
        color: colors.ink,
        lineHeight: bodyLineHeight,
      });
      items.push(leadIn);
      y += leadIn.h + BLOCK.itemGap;
    }
    if (slide.bullets.length > 0) {
      const leads = placeBullets(
        '整改措施',
        slide.bullets.map((bullet, index) => {
          const runs: Run[] = [...(bullet.ordinal ? [{ text: bullet.ordinal, bold: true }] : []), { text: bullet.lead }];
          return {
            runs: bullet.complete ? runs : appendMoreTag(runs, scale.body, contentWidth - bulletIndentPx),
            sizePx: scale.body,
            ...(index > 0 ? { spaceBeforePx: BLOCK.itemGap } : {}),
          };
        }),
        y,
      );
      items.push(leads);
      y += leads.h;
    }
    if (slide.commitments.length > 0) {
      y += 12;
      items.push({ type: 'shape', name: '承诺线', shape: 'rect', x: contentBox.left, y, w: contentWidth, h: 2, fill: colors.line });
      items.push(
        fitTextBox({
          name: '整改承诺',
          x: contentBox.left,
          y: y + 12,
          w: contentWidth,
          paragraphs: slide.commitments.map((c, index) => ({
            runs: [{ text: `${c.due.display}　`, bold: true, color: colors.warn }, { text: `［${c.stateLabel}］`, color: colors.warn }, { text: c.quote }],
            sizePx: scale.small,
            ...(index > 0 ? { spaceBeforePx: 6 } : {}),
          })),
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
    }
    return items;
  });
}

/** Plan: each paragraph as a bullet, whole or to its first whole clauses with the 见备注 tag. */
export function renderPlanSlide(slide: PlanSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    items.push(
      placeBullets(
        '计划要点',
        slide.points.map((point, index) => ({
          runs: point.complete ? [{ text: point.text }] : appendMoreTag([{ text: point.text }], scale.body, contentWidth - bulletIndentPx),
          sizePx: scale.body,
          ...(index > 0 ? { spaceBeforePx: BLOCK.itemGap * 2 } : {}),
        })),
        bottom,
      ),
    );
    return items;
  });
}

/** Commitments: every dated promise, soonest first, as a native timeline. */
export function renderCommitmentsSlide(slide: CommitmentsSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    if (slide.empty) {
      items.push(
        fitTextBox({
          name: '说明',
          x: contentBox.left,
          y: bottom,
          w: contentWidth,
          paragraphs: [createParagraph(slide.empty, scale.body)],
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
      return items;
    }
    const rows = slide.items.map((c) => ({
      date: c.due.display,
      // The state leads the line: at its end a line break could split the tag (［待 / 兑现］) in a wider face.
      text: [
        { text: `［${c.stateLabel}］`, color: colors.warn },
        { text: c.shortTitle, bold: true, ...(c.target ? { link: c.target } : {}) },
        { text: '：', bold: true },
        { text: c.quote },
      ],
    }));
    return [...items, ...placeTimeline(rows, bottom, Math.max(20, scale.body - 4), colors.warn)];
  });
}

/** Carried problems: the previous round's date beside the problem (linked to its slide) and its progress since. */
export function renderCarriedSlide(slide: CarriedSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    const rows = slide.items.map((item) => ({
      date: item.previous.date.display,
      text: [{ text: item.problem, bold: true, ...(item.target ? { link: item.target } : {}) }],
      below: [{ text: item.progress, color: colors.muted }],
    }));
    return [...items, ...placeTimeline(rows, bottom, scale.body, colors.accent)];
  });
}

/** Summary (decks across reports): a table of each report's counted totals, the sum last, figures in status colours. */
export function renderSummarySlide(slide: SummarySlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    const figureColumns = slide.columns.length - 1;
    const labelWidth = contentWidth - figureColumns * BLOCK.summaryColumn;
    const columnX = (index: number) => (index === 0 ? contentBox.left : contentBox.left + labelWidth + (index - 1) * BLOCK.summaryColumn);
    const columnWidth = (index: number) => (index === 0 ? labelWidth : BLOCK.summaryColumn);
    const colorOf = (index: number) => (index >= 2 && index < 2 + slide.statuses.length ? statusColor(slide.statuses[index - 2]!) : colors.ink);
    let y = bottom;
    const header = slide.columns.map((column, index) =>
      fitTextBox({
        name: `表头${index + 1}`,
        x: columnX(index) + 8,
        y: y + SPACE.tablePadY,
        w: columnWidth(index) - 16,
        paragraphs: [createParagraph(column, TYPE.small)],
        color: colors.muted,
        bold: true,
        align: index === 0 ? 'left' : 'right',
        lineHeight: bodyLineHeight,
      }),
    );
    items.push(...header);
    y += Math.max(...header.map((box) => box.h)) + 2 * SPACE.tablePadY;
    items.push({ type: 'shape', name: '表头线', shape: 'rect', x: contentBox.left, y, w: contentWidth, h: 2, fill: colors.ink });
    const rows = [...slide.rows, ...(slide.total ? [slide.total] : [])];
    for (const [rowIndex, row] of rows.entries()) {
      const sum = row === slide.total;
      const cells = [row.label, String(row.problems), ...row.counts.map(String), row.rate];
      const label = fitTextBox({
        name: sum ? '合计' : `通报${rowIndex + 1}`,
        x: columnX(0) + 8,
        y: y + SPACE.tablePadY,
        w: labelWidth - 16,
        paragraphs: [
          createParagraph(row.label, scale.body),
          ...(row.date ? [{ runs: [{ text: row.date.display, color: colors.muted, bold: false }], sizePx: TYPE.small }] : []),
        ],
        color: colors.ink,
        bold: true,
        lineHeight: bodyLineHeight,
      });
      const figures = cells.slice(1).map((text, offset) =>
        fitTextBox({
          name: `${sum ? '合计' : `通报${rowIndex + 1}`}·${slide.columns[offset + 1]}`,
          x: columnX(offset + 1) + 8,
          y: y + SPACE.tablePadY,
          w: BLOCK.summaryColumn - 16,
          paragraphs: [createParagraph(text, scale.body)],
          color: colorOf(offset + 1),
          bold: true,
          align: 'right',
          lineHeight: bodyLineHeight,
        }),
      );
      items.push(label, ...figures);
      y += Math.max(label.h, ...figures.map((box) => box.h)) + 2 * SPACE.tablePadY;
      items.push({
        type: 'shape',
        name: `行线${rowIndex + 1}`,
        shape: 'rect',
        x: contentBox.left,
        y,
        w: contentWidth,
        h: sum ? 2 : 1,
        fill: sum ? colors.ink : colors.line,
      });
    }
    return items;
  });
}

/** Open problems (decks across reports): each report's date beside the problem and, below it, its issuer and number. */
export function renderOpenSlide(slide: OpenSlide): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    if (slide.items.length === 0) {
      items.push(
        fitTextBox({
          name: '说明',
          x: contentBox.left,
          y: bottom,
          w: contentWidth,
          paragraphs: [createParagraph(labels.crossDeck.noOpen, scale.body)],
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
      return items;
    }
    const rows = slide.items.map((item) => ({
      date: item.date.display,
      text: [{ text: item.problem, bold: true }],
      below: [{ text: item.context, color: colors.muted }],
    }));
    return [...items, ...placeTimeline(rows, bottom, scale.body, colors.warn)];
  });
}

/** A QR code of `url` as one native freeform shape, `size` px square, with a quiet zone of one module. */
export function placeQrCode(url: string, x: number, y: number, size: number): PathShape {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 2);
  // One rectangle per run of dark modules in a row: fewer edges, no seams between neighbours.
  const rects: PathShape['rects'] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col += 1;
      rects.push({ x: (start + 1) * cell, y: (row + 1) * cell, w: (col - start + 1) * cell, h: cell });
    }
  }
  return { type: 'path', name: '二维码', x, y, w: size, h: size, fill: colors.ink, rects };
}

/** Closing: the supervision contacts as label/value pairs, a QR code of the archive page when its address is known, the signature. */
export function renderClosingSlide(slide: ClosingSlide, archiveUrl: string | undefined): FittedSlide {
  return fitSlide(slide.id, slide.scale, (scale) => {
    const { items, bottom } = placeHeading(slide.heading, scale.heading);
    const size = scale.body + 2;
    const labelWidth = size * 5;
    const qrColumn = archiveUrl ? 300 : 0;
    const listWidth = contentWidth - (qrColumn ? qrColumn + 48 : 0);
    let y = bottom + 8;
    for (const [index, contact] of slide.contacts.entries()) {
      const label = fitTextBox({
        name: `联系方式${index + 1}`,
        x: contentBox.left,
        y,
        w: labelWidth,
        paragraphs: [createParagraph(contact.label, size)],
        color: colors.muted,
        lineHeight: bodyLineHeight,
      });
      const value = fitTextBox({
        name: contact.label,
        x: contentBox.left + labelWidth + 24,
        y,
        w: listWidth - labelWidth - 24,
        paragraphs: [createParagraph(contact.value, size)],
        color: colors.ink,
        bold: true,
        lineHeight: bodyLineHeight,
      });
      items.push(label, value);
      y += Math.max(label.h, value.h) + 12;
    }
    if (archiveUrl) {
      const x = contentBox.right - qrColumn;
      const qr = placeQrCode(archiveUrl, x + 20, bottom + 8, qrColumn - 40);
      const caption = fitTextBox({
        name: '二维码说明',
        x,
        y: qr.y + qr.h + 8,
        w: qrColumn,
        paragraphs: [createParagraph(labels.deck.scanForReport, minFontPx), createParagraph(archiveUrl, minFontPx)],
        color: colors.muted,
        align: 'center',
        lineHeight: bodyLineHeight,
      });
      items.push(qr, caption);
    }
    const signature = fitTextBox({
      name: '落款',
      x: contentBox.left,
      y: 0,
      w: contentWidth,
      paragraphs: [createParagraph(slide.signature, scale.body)],
      color: colors.ink,
      align: 'right',
      lineHeight: bodyLineHeight,
    });
    items.push({ ...signature, y: Math.max(bottomOf(items) + 24, contentBox.bottom - signature.h) });
    return items;
  });
}

/** A hand-written MDX slide as its text: its heading and paragraphs. */
export function renderMdxSlide(id: string, planned: { heading: number; body: number }, text: MdxText): FittedSlide {
  return fitSlide(id, planned, (scale) => {
    const { items, bottom } = placeHeading(text.title, scale.heading);
    if (text.paragraphs.length > 0) {
      items.push(
        fitTextBox({
          name: '正文',
          x: contentBox.left,
          y: bottom,
          w: contentWidth,
          paragraphs: text.paragraphs.map((p, index) => createParagraph(p, scale.body, index > 0 ? { spaceBeforePx: BLOCK.itemGap * 2 } : {})),
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
    }
    return items;
  });
}

/** What a slide needs beyond its plan: the text of hand-written slides and the archive's public address. */
export interface RenderContext {
  mdx: (file: string) => MdxText;
  archiveUrl?: string | undefined;
}

/** Renders one planned slide into a PowerPoint slide: its items, its notes and any cut of its type sizes. */
export function renderSlide(slide: PlannedSlide, context: RenderContext): PptxSlide {
  const done = (title: string, fitted: FittedSlide, notes: string = slide.notes): PptxSlide => ({
    id: slide.id,
    title,
    items: fitted.items,
    notes,
    typeCutPx: fitted.cutPx,
  });
  switch (slide.kind) {
    case 'title':
      return done(slide.title, renderTitleSlide(slide));
    case 'overview':
      return done(slide.heading, renderOverviewSlide(slide));
    case 'timeline':
      return done(slide.heading, renderTimelineSlide(slide));
    case 'organisation':
      return done(slide.heading, renderOrganisationSlide(slide));
    case 'group':
      return done(slide.heading, renderGroupSlide(slide));
    case 'issue':
      return done(`${slide.number} ${slide.heading}`, renderIssueSlide(slide));
    case 'plan':
      return done(slide.heading, renderPlanSlide(slide));
    case 'commitments':
      return done(slide.heading, renderCommitmentsSlide(slide));
    case 'carried':
      return done(slide.heading, renderCarriedSlide(slide));
    case 'summary':
      return done(slide.heading, renderSummarySlide(slide));
    case 'open':
      return done(slide.heading, renderOpenSlide(slide));
    case 'closing':
      return done(slide.heading, renderClosingSlide(slide, context.archiveUrl));
    case 'mdx': {
      const text = context.mdx(slide.file);
      // The web deck's MDX slide carries its own notes in the page; here its text stands in for them.
      return done(text.title, renderMdxSlide(slide.id, slide.scale, text), slide.notes || [text.title, ...text.paragraphs].join('\n\n'));
    }
  }
}
