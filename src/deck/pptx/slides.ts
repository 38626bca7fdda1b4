// One renderer per slide kind: a view in, positioned native text boxes and shapes out (frame px).
// Each lays its content out top-down and lets fitSlide pick the largest type that stays on the slide.
import { colors, contentBox, frame } from './frame.ts';
import { bodyLineHeight, fitSlide, placeBullets, placeHeading, type TypeScale } from './layout.ts';
import { getTextEm } from './measure.ts';
import { fitTextBox, type Paragraph, type PptxSlide, paragraph, type SlideItem } from './model.ts';
import type {
  ClosingView,
  CommitmentsView,
  GroupView,
  IssueView,
  MdxView,
  OrganisationView,
  OverviewView,
  PlanView,
  SlideView,
  TimelineView,
  TitleView,
} from './views.ts';

const contentWidth = contentBox.right - contentBox.left;
const statusColor = (status: 'completed' | 'ongoing') => (status === 'completed' ? colors.ok : colors.warn);

/** Title: kicker, report title, issuer and date, centred under the accent band. */
export function renderTitleSlide(view: TitleView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const width = contentWidth - 96;
    const x = contentBox.left + 48;
    const parts = [
      { name: '巡察', paragraphs: [paragraph(view.kicker, scale.body)], color: colors.muted, bold: false, gap: 16 },
      { name: '标题', paragraphs: [paragraph(view.title, scale.heading + 12)], color: colors.ink, bold: true, gap: 48 },
      { name: '发文机关', paragraphs: [paragraph(view.issuer, scale.body + 6)], color: colors.ink, bold: true, gap: 8 },
      { name: '日期', paragraphs: [paragraph(view.date, scale.body)], color: colors.muted, bold: false, gap: 0 },
    ].map((part) => ({
      ...part,
      box: fitTextBox({
        name: part.name,
        x,
        y: 0,
        w: width,
        paragraphs: part.paragraphs,
        color: part.color,
        bold: part.bold,
        align: 'center',
        lineHeight: 1.3,
      }),
    }));
    const total = parts.reduce((sum, part) => sum + part.box.h + part.gap, 0);
    let y = Math.max(contentBox.top + 16, (frame.height - total) / 2);
    const items: SlideItem[] = [{ type: 'shape', name: '色带', shape: 'rect', x: 0, y: 0, w: frame.width, h: 16, fill: colors.accent }];
    for (const part of parts) {
      items.push({ ...part.box, y });
      y += part.box.h + part.gap;
    }
    return items;
  });
}

/** Overview: the declared totals once, a native stacked bar of completed vs ongoing, the rate and the count note. */
export function renderOverviewSlide(view: OverviewView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading('整改总体情况', scale.heading);
    const cards = [
      { value: view.items, unit: '项', label: '反馈意见', color: colors.ink },
      { value: view.problems, unit: '个', label: '问题', color: colors.ink },
      { value: view.completed, unit: '个', label: '已完成', color: colors.ok },
      { value: view.ongoing, unit: '个', label: '持续整改', color: colors.warn },
    ];
    const gap = 24;
    const cardWidth = (contentWidth - gap * (cards.length - 1)) / cards.length;
    const numberSize = scale.heading + 20;
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
            sizePx: numberSize,
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
        paragraphs: [paragraph(card.label, scale.small)],
        color: colors.muted,
        lineHeight: 1.3,
      });
      cardHeight = Math.max(cardHeight, label.y + label.h + 12 - bottom);
      items.push(figure, label);
    });
    cards.forEach((card, index) => {
      items.unshift({
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
    // The bar: one row, completed then ongoing, scaled to the declared problems.
    const barTop = bottom + cardHeight + 40;
    const barHeight = 56;
    const labelWidth = 190;
    const barX = contentBox.left + labelWidth;
    const barWidth = contentWidth - labelWidth;
    const scaleTo = Math.max(view.problems, 1);
    items.push(
      fitTextBox({
        name: '进度标签',
        x: contentBox.left,
        y: barTop + (barHeight - scale.body * 1.3) / 2,
        w: labelWidth - 16,
        paragraphs: [paragraph('整改进度', scale.body)],
        color: colors.ink,
        align: 'right',
        lineHeight: 1.3,
      }),
    );
    let x = barX;
    for (const segment of [
      { name: '已完成', value: view.completed, fill: colors.ok },
      { name: '持续整改', value: view.ongoing, fill: colors.warn },
    ]) {
      if (segment.value === 0) continue;
      const w = (segment.value / scaleTo) * barWidth;
      items.push({ type: 'shape', name: `${segment.name}条`, shape: 'rect', x, y: barTop, w, h: barHeight, fill: segment.fill });
      const labelSize = scale.body;
      if (w >= labelSize * 2.5) {
        items.push(
          fitTextBox({
            name: `${segment.name}条数`,
            x,
            y: barTop + (barHeight - labelSize * 1.3) / 2,
            w,
            paragraphs: [paragraph(String(segment.value), labelSize)],
            color: colors.white,
            bold: true,
            align: 'center',
            lineHeight: 1.3,
          }),
        );
      }
      x += w;
    }
    const legendY = barTop + barHeight + 20;
    const swatch = 18;
    const legend: Paragraph = {
      sizePx: scale.small,
      runs: [
        { text: '■ ', color: colors.ok },
        { text: `已完成 ${view.completed}个　` },
        { text: '■ ', color: colors.warn },
        { text: `持续整改 ${view.ongoing}个　完成率 ` },
        { text: view.share, bold: true, color: colors.ink },
      ],
    };
    items.push(fitTextBox({ name: '图例', x: contentBox.left, y: legendY, w: contentWidth, paragraphs: [legend], color: colors.muted, lineHeight: 1.3 }));
    const legendBox = items[items.length - 1]!;
    items.push(
      fitTextBox({
        name: '核对说明',
        x: contentBox.left,
        y: legendBox.y + legendBox.h + 8 + swatch / 2,
        w: contentWidth,
        paragraphs: [paragraph(view.countNote, scale.small)],
        color: colors.muted,
        lineHeight: 1.3,
      }),
    );
    return items;
  });
}

/** A dated list drawn as a native timeline: a rule, a dot per row, the date and the label beside it. */
function placeTimeline(rows: { date: string; text: Paragraph['runs'] }[], top: number, scale: TypeScale, color: string): SlideItem[] {
  const items: SlideItem[] = [];
  // The date column is as wide as the longest date, so a date never wraps.
  const dateWidth = (Math.max(0, ...rows.map((row) => getTextEm(row.date))) + 1) * scale.body;
  const ruleX = contentBox.left + 12;
  const textX = ruleX + 32;
  let y = top;
  for (const [index, row] of rows.entries()) {
    const date = fitTextBox({
      name: `日期${index + 1}`,
      x: textX,
      y,
      w: dateWidth,
      paragraphs: [paragraph(row.date, scale.body)],
      color: colors.ink,
      bold: true,
      lineHeight: 1.4,
    });
    const label = fitTextBox({
      name: `事项${index + 1}`,
      x: textX + dateWidth + 12,
      y,
      w: contentBox.right - textX - dateWidth - 12,
      paragraphs: [{ runs: row.text, sizePx: scale.body }],
      color: colors.ink,
      lineHeight: 1.4,
    });
    const dot = 20;
    items.push(
      { type: 'shape', name: `节点${index + 1}`, shape: 'ellipse', x: ruleX - dot / 2 + 2, y: y + (scale.body * 1.4 - dot) / 2, w: dot, h: dot, fill: color },
      date,
      label,
    );
    y += Math.max(date.h, label.h) + 14;
  }
  items.unshift({ type: 'shape', name: '时间轴', shape: 'rect', x: ruleX, y: top, w: 4, h: Math.max(0, y - top - 14), fill: colors.line });
  return items;
}

/** Timeline: inspection, feedback, meetings and the report, in date order. */
export function renderTimelineSlide(view: TimelineView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.heading, scale.heading);
    return [
      ...items,
      ...placeTimeline(
        view.events.map((event) => ({ date: event.display, text: [{ text: event.label }] })),
        bottom,
        scale,
        colors.accent,
      ),
    ];
  });
}

/** Organisation: each measure's ordinal and lead phrase, with the dated facts its text mentions. */
export function renderOrganisationSlide(view: OrganisationView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.heading, scale.heading);
    let y = bottom;
    const ordinalWidth = (scale.body + 6) * 3.4;
    for (const [index, measure] of view.measures.entries()) {
      const leadSize = scale.body + 6;
      const paragraphs: Paragraph[] = [paragraph(measure.lead, leadSize, { bold: true })];
      if (measure.facts.length > 0) paragraphs.push(paragraph(measure.facts.join('；'), scale.small, { color: colors.muted, spaceBeforePx: 6 }));
      const ordinal = fitTextBox({
        name: `序号${index + 1}`,
        x: contentBox.left,
        y,
        w: ordinalWidth,
        paragraphs: [paragraph(measure.ordinal, leadSize)],
        color: colors.accent,
        bold: true,
        lineHeight: 1.4,
      });
      const text = fitTextBox({
        name: `措施${index + 1}`,
        x: contentBox.left + ordinalWidth + 12,
        y,
        w: contentWidth - ordinalWidth - 12,
        paragraphs,
        color: colors.ink,
        lineHeight: 1.4,
      });
      items.push(ordinal, text);
      y += Math.max(ordinal.h, text.h) + 24;
    }
    return items;
  });
}

/** Group opener: heading and count, then its intro (opener) or a grid of its problems' short titles (grid). */
export function renderGroupSlide(view: GroupView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const countWidth = 240;
    const heading = fitTextBox({
      name: '标题',
      x: contentBox.left,
      y: contentBox.top + 40,
      w: contentWidth - countWidth,
      paragraphs: [paragraph(view.heading, scale.heading)],
      color: colors.ink,
      bold: true,
      lineHeight: 1.3,
    });
    const count = fitTextBox({
      name: '数量',
      x: contentBox.right - countWidth,
      y: contentBox.top,
      w: countWidth,
      paragraphs: [
        {
          runs: [
            { text: String(view.count), bold: true, color: statusColor(view.status) },
            { text: '个', sizePx: scale.body },
          ],
          sizePx: 96,
        },
      ],
      color: colors.ink,
      align: 'right',
      lineHeight: 1.1,
    });
    const ruleY = Math.max(heading.y + heading.h, count.y + count.h) + 8;
    const items: SlideItem[] = [
      heading,
      count,
      { type: 'shape', name: '标题线', shape: 'rect', x: contentBox.left, y: ruleY, w: contentWidth, h: 4, fill: colors.accent },
    ];
    if (view.layout === 'opener') {
      items.push(
        fitTextBox({
          name: '说明',
          x: contentBox.left,
          y: ruleY + 64,
          w: contentWidth,
          paragraphs: [paragraph(view.intro, scale.body + 6)],
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
      return items;
    }
    const columns = 4;
    const gap = 16;
    const cellWidth = (contentWidth - gap * (columns - 1)) / columns;
    const size = scale.small;
    const cells = view.grid.map((cell, index) =>
      fitTextBox({
        name: `问题${cell.number}`,
        x: contentBox.left + (index % columns) * (cellWidth + gap) + 10,
        y: 0,
        w: cellWidth - 20,
        paragraphs: [{ runs: [{ text: `${cell.number}  `, bold: true, color: statusColor(view.status) }, { text: cell.shortTitle }], sizePx: size }],
        color: colors.ink,
        lineHeight: 1.3,
      }),
    );
    const rowHeight = Math.max(0, ...cells.map((cell) => cell.h)) + 8;
    cells.forEach((cell, index) => {
      const y = ruleY + 28 + Math.floor(index / columns) * (rowHeight + gap / 2);
      items.push(
        { type: 'shape', name: `格${index + 1}`, shape: 'roundRect', x: cell.x - 10, y, w: cellWidth, h: rowHeight, line: { color: colors.line, widthPx: 1 } },
        { ...cell, y: y + 4 },
      );
    });
    return items;
  });
}

/** A problem: tag, number and short title, the problem as printed, key figures, every measure's lead, commitments. */
export function renderIssueSlide(view: IssueView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const color = statusColor(view.status);
    const heading = placeHeading([{ text: `${view.number}  `, color }, { text: view.heading }], scale.heading, contentBox.top, {
      kicker: view.tag,
      kickerSize: scale.small,
    });
    const items = [...heading.items];
    let y = heading.bottom;
    const printed = fitTextBox({
      name: '问题原文',
      x: contentBox.left,
      y,
      w: contentWidth,
      paragraphs: [{ runs: [{ text: '问题：', bold: true, color: colors.muted }, { text: view.printed }], sizePx: scale.body }],
      color: colors.ink,
      lineHeight: bodyLineHeight,
    });
    items.push(printed);
    y += printed.h + 16;
    if (view.highlights.length > 0) {
      const gap = 24;
      const width = (contentWidth - gap * (view.highlights.length - 1)) / view.highlights.length;
      const boxes = view.highlights.map((highlight, index) => {
        const x = contentBox.left + index * (width + gap);
        const figure = fitTextBox({
          name: `数字${index + 1}`,
          x: x + 16,
          y: y + 8,
          w: width - 32,
          paragraphs: [
            {
              runs: [
                { text: highlight.value, bold: true, color: colors.accent },
                { text: highlight.unit, sizePx: scale.small },
              ],
              sizePx: scale.heading + 8,
            },
          ],
          color: colors.ink,
          lineHeight: 1.15,
        });
        const label = fitTextBox({
          name: `数字说明${index + 1}`,
          x: x + 16,
          y: figure.y + figure.h,
          w: width - 32,
          paragraphs: [paragraph(highlight.label, scale.small)],
          color: colors.muted,
          lineHeight: 1.3,
        });
        return { x, figure, label };
      });
      const height = Math.max(...boxes.map((box) => box.label.y + box.label.h - y)) + 8;
      for (const [index, box] of boxes.entries())
        items.push(
          { type: 'shape', name: `数字框${index + 1}`, shape: 'roundRect', x: box.x, y, w: width, h: height, fill: colors.panel },
          box.figure,
          box.label,
        );
      y += height + 20;
    }
    const leads = placeBullets(
      '整改措施',
      view.bullets.map((bullet, index) => ({
        runs: [...(bullet.ordinal ? [{ text: bullet.ordinal, bold: true }] : []), { text: bullet.lead }],
        sizePx: scale.body,
        ...(index > 0 ? { spaceBeforePx: 8 } : {}),
      })),
      y,
    );
    items.push(leads);
    y += leads.h;
    if (view.commitments.length > 0) {
      y += 16;
      items.push({ type: 'shape', name: '承诺线', shape: 'rect', x: contentBox.left, y, w: contentWidth, h: 2, fill: colors.line });
      const list = fitTextBox({
        name: '整改承诺',
        x: contentBox.left,
        y: y + 12,
        w: contentWidth,
        paragraphs: view.commitments.map((c, index) => ({
          runs: [{ text: `${c.due}　`, bold: true, color: colors.warn }, { text: `［${c.state}］`, color: colors.warn }, { text: c.quote }],
          sizePx: scale.small,
          ...(index > 0 ? { spaceBeforePx: 6 } : {}),
        })),
        color: colors.ink,
        lineHeight: 1.4,
      });
      items.push(list);
    }
    return items;
  });
}

/** Plan: the first sentence of each paragraph as a bullet. */
export function renderPlanSlide(view: PlanView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.heading, scale.heading);
    items.push(
      placeBullets(
        '计划要点',
        view.points.map((point, index) => paragraph(point, scale.body + 2, index > 0 ? { spaceBeforePx: 24 } : {})),
        bottom,
      ),
    );
    return items;
  });
}

/** Commitments: every dated promise, soonest first, as a native timeline. */
export function renderCommitmentsSlide(view: CommitmentsView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.heading, scale.heading);
    if (view.rows.length === 0) {
      items.push(
        fitTextBox({
          name: '说明',
          x: contentBox.left,
          y: bottom,
          w: contentWidth,
          paragraphs: [paragraph(view.empty, scale.body)],
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
      return items;
    }
    const small: TypeScale = { ...scale, body: scale.small };
    const rows = view.rows.map((row) => ({
      date: row.due,
      text: [{ text: `${row.shortTitle}：`, bold: true }, { text: row.quote }, { text: `　［${row.state}］`, color: colors.warn }],
    }));
    return [...items, ...placeTimeline(rows, bottom, small, colors.warn)];
  });
}

/** Closing: the supervision contacts as label/value pairs, the archive address when known, the signature. */
export function renderClosingSlide(view: ClosingView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.heading, scale.heading);
    const labelWidth = scale.body * 5;
    let y = bottom + 8;
    for (const [index, contact] of view.contacts.entries()) {
      const label = fitTextBox({
        name: `联系方式${index + 1}`,
        x: contentBox.left,
        y,
        w: labelWidth,
        paragraphs: [paragraph(contact.label, scale.body + 4)],
        color: colors.muted,
        lineHeight: 1.4,
      });
      const value = fitTextBox({
        name: contact.label,
        x: contentBox.left + labelWidth + 24,
        y,
        w: contentWidth - labelWidth - 24,
        paragraphs: [paragraph(contact.value, scale.body + 4)],
        color: colors.ink,
        bold: true,
        lineHeight: 1.4,
      });
      items.push(label, value);
      y += Math.max(label.h, value.h) + 12;
    }
    if (view.archiveUrl) {
      items.push(
        fitTextBox({
          name: '通报全文网址',
          x: contentBox.left,
          y: y + 16,
          w: contentWidth,
          paragraphs: [paragraph(`通报全文：${view.archiveUrl}`, scale.small)],
          color: colors.muted,
          lineHeight: 1.3,
        }),
      );
    }
    const signature = fitTextBox({
      name: '落款',
      x: contentBox.left,
      y: 0,
      w: contentWidth,
      paragraphs: [paragraph(view.signature, scale.body)],
      color: colors.ink,
      align: 'right',
      lineHeight: 1.3,
    });
    items.push({ ...signature, y: Math.max(getBottomOf(items) + 24, contentBox.bottom - signature.h) });
    return items;
  });
}

function getBottomOf(items: readonly SlideItem[]): number {
  return Math.max(0, ...items.map((item) => item.y + item.h));
}

/** A hand-written MDX slide as its text: its heading and paragraphs. */
export function renderMdxSlide(view: MdxView): SlideItem[] {
  return fitSlide(view.id, (scale) => {
    const { items, bottom } = placeHeading(view.title, scale.heading);
    if (view.paragraphs.length > 0) {
      items.push(
        fitTextBox({
          name: '正文',
          x: contentBox.left,
          y: bottom,
          w: contentWidth,
          paragraphs: view.paragraphs.map((text, index) => paragraph(text, scale.body, index > 0 ? { spaceBeforePx: 12 } : {})),
          color: colors.ink,
          lineHeight: bodyLineHeight,
        }),
      );
    }
    return items;
  });
}

/** Renders one view into a PowerPoint slide. */
export function renderSlide(view: SlideView): PptxSlide {
  const items = (() => {
    switch (view.kind) {
      case 'title':
        return renderTitleSlide(view);
      case 'overview':
        return renderOverviewSlide(view);
      case 'timeline':
        return renderTimelineSlide(view);
      case 'organisation':
        return renderOrganisationSlide(view);
      case 'group':
        return renderGroupSlide(view);
      case 'issue':
        return renderIssueSlide(view);
      case 'plan':
        return renderPlanSlide(view);
      case 'commitments':
        return renderCommitmentsSlide(view);
      case 'closing':
        return renderClosingSlide(view);
      case 'mdx':
        return renderMdxSlide(view);
    }
  })();
  const title =
    view.kind === 'issue'
      ? `${view.number} ${view.heading}`
      : view.kind === 'title'
        ? view.title
        : view.kind === 'overview'
          ? '整改总体情况'
          : view.kind === 'mdx'
            ? view.title
            : view.heading;
  return { id: view.id, title, items, notes: view.notes };
}
