// Every UI label and site string, in the manner of Starlight's translations: pages, components, the deck, the
// search client and the exports import them from here, so a wording is changed once and agrees everywhere.
// Status wording is the report's own (已整改完成 / 持续整改), never a shortened form.

import type { ShownTotal, TotalKey } from '#src/lib/stats.ts';
import type { IssueStatus } from '#src/schemas/issue.ts';

/** A problem's status, as the report words it: a constant of its own, which the search page's script bundles without the rest. */
export const statusLabels = { completed: '已整改完成', ongoing: '持续整改', longTerm: '需长期坚持' } as const satisfies Record<IssueStatus, string>;

/** What the search page's script writes: a constant of its own (as statusLabels), so that its bundle holds these and not every label of the site. */
export const searchScriptLabels = {
  reportText: '通报正文',
  more: '显示更多结果',
  empty: '请输入关键词。',
  busy: '正在搜索…',
  failed: '搜索暂时无法使用，请稍后重试。',
} as const;

/** The site's strings, grouped by where they appear. */
export const labels = {
  site: {
    title: '巡察整改情况档案',
    description: '巡察整改情况通报的档案：逐项查看问题、整改措施与承诺。',
    footer: '本站为巡察整改情况通报的静态档案；原文逐字转录，编辑说明均单独标注。',
    skipLink: '跳到正文',
  },
  nav: {
    label: '主导航',
    breadcrumb: '位置',
    home: '首页',
    documents: '文件索引',
    commitments: '整改承诺',
    ledger: '整改台账',
    search: '搜索',
    report: '通报',
  },
  /** A problem's status, as the report words it. */
  status: statusLabels,
  /** The heading of a status group, as the report words it (the report's own heading wins where it has one). */
  statusGroup: { completed: '已整改完成的问题', ongoing: '持续整改的问题', longTerm: '需长期坚持的问题' } satisfies Record<IssueStatus, string>,
  /** A commitment's state against its report's date. */
  commitmentState: { due: '待兑现', 'past-due': '已到期' } satisfies Record<'due' | 'past-due', string>,
  /** Counts and shares. */
  stats: {
    total: '问题总数',
    share: '完成率',
    progress: '整改进度',
    problem: '问题',
    unitProblem: '个',
    unitItem: '项',
    feedbackItems: '反馈意见',
    /** Marks a figure counted from the entries where the report states no such total. */
    counted: '逐条统计',
  },
  /** The report's metadata block. */
  meta: {
    heading: '通报信息',
    title: '标题',
    issuer: '发文机关',
    date: '成文日期',
    team: '巡察组',
    period: '巡察时间',
    feedback: '反馈时间',
    indexNumber: '索引号',
    documentNumber: '文号',
  },
  /** Supervision contacts. */
  contact: {
    heading: '监督联系方式',
    phone: '电话',
    address: '通讯地址',
    postcode: '邮编',
    email: '电子邮箱',
  },
  /** Section headings of the archive's pages. */
  archive: {
    home: {
      latest: '最新通报',
      readLatest: '阅读通报全文与各问题整改情况',
      all: '全部通报（按成文日期从新到旧）',
      empty: '暂无通报。',
      byIssuer: '按发文机关查看通报',
      byYear: '通报（按年份，从新到旧）',
      open: '仍在持续整改的问题',
      allClosed: '该机关通报的问题均已整改完成。',
      latestRound: '最近一轮：',
      /** The decks across reports (slides/decks/). */
      decks: '跨通报汇报演示',
    },
    report: {
      preface: '前言',
      /** Shown on a report read by OCR from a scan until an editor confirms its text. */
      ocrNotice: '本通报文字由扫描件经光学字符识别（OCR）读取，尚未经编辑逐字核对，个别文字可能有误；请以原文为准。',
      openDeck: '打开本通报的汇报演示',
      /** The brief form of the deck (about ten slides). */
      openBrief: '简要版演示',
      dateNotes: '编者日期说明',
      /** The published source document offered for download. */
      source: '原文',
      /** Heads the outcome figures the report states (处分、制度、资金). */
      outcomes: '整改成效',
      /** Heads the problems where the report prints no 整改落实情况 heading over them. */
      problems: '反馈问题整改情况',
    },
    issue: {
      measures: '整改措施',
      highlights: '关键数据',
      documents: '引用文件',
      commitments: '整改承诺',
      report: '所属通报',
      openSlide: '在汇报演示中打开本问题',
      /** The inspectors' finding, where the title quotes one. */
      finding: '反馈问题',
      /** The report's words that state the problem's status. */
      statusWords: '整改状态',
      pager: '上一个和下一个问题',
      prev: '上一个：',
      next: '下一个：',
      due: '完成时限：',
    },
    /** A problem followed across reports. */
    rounds: {
      heading: '整改轮次',
      thisPage: '（本页）',
      carried: '延续前次通报的问题',
      carriedIntro: '以下问题在此前的通报中已经报告，本通报继续报告其整改情况；“目前”为本档案所收录的最新一轮通报中的状态。',
      carriedCaption: '延续前次通报的问题及其目前状态',
      thisReport: '本通报',
      earlier: '此前轮次',
      now: '目前',
      see: '见',
    },
    /** The rectification ledger (整改台账), on its pages and in the export. */
    ledger: {
      title: '整改台账',
      description: '全部通报所列问题的整改台账：状态、整改措施、承诺时限与后续轮次。',
      all: '全部问题',
      narrow: '按发文机关或通报筛选台账',
      empty: '暂无问题。',
      openForReport: '查看本通报的整改台账',
      /** Column headers, in order; reportDate and measuresText are columns of the export only. */
      columns: {
        index: '序号',
        issuer: '发文机关',
        report: '通报',
        reportDate: '成文日期',
        status: '状态',
        group: '方面/分组',
        number: '编号',
        title: '问题',
        measures: '整改措施',
        deadlines: '承诺时限',
        next: '后续轮次',
        measuresText: '整改措施全文',
      },
      allSheet: '全部问题',
    },
    corrections: '编者更正说明',
    editorNote: '编者注：',
    pagination: { label: '分页', prev: '上一页', next: '下一页' },
    documents: { title: '文件索引', description: '通报中引用的全部文件及引用它们的问题。' },
    commitments: {
      title: '整改承诺',
      description: '各通报中带完成时限的整改承诺，按时限先后排列。',
      empty: '暂无带时限的承诺。',
      caption: '整改承诺列表',
      due: '完成时限',
      state: '状态',
      quote: '承诺',
      issue: '所属问题',
    },
    notFound: { title: '页面未找到', heading: '页面未找到（404）', text: '您访问的页面不存在，可能已被移动或地址有误。', home: '返回首页' },
  },
  search: {
    title: '搜索',
    heading: '搜索整改问题',
    description: '在全部通报和整改问题中搜索。',
    siteSearch: '站内搜索',
    placeholder: '搜索（按 / 键）',
    submit: '搜索',
    query: '关键词（多个词用空格分隔，结果须包含每个词）',
    status: '整改状态',
    anyStatus: '全部',
    report: '通报',
    anyReport: '全部通报',
    issuer: '发文机关',
    anyIssuer: '全部发文机关',
    sort: '排序',
    sortRelevance: '相关度（标题含全部关键词的在前）',
    sortDate: '时间（新通报在前）',
    results: '搜索结果',
    /** On the dev server (astro dev), which writes no search index. */
    needsBuild: '开发服务器不生成搜索索引：搜索需要先构建站点（npm run build），再用 npm run preview 查看。',
    /** Without JavaScript: text before the home link, between it and the document index link, and after. */
    noscript: ['搜索功能需要启用 JavaScript。其余页面均可在不启用 JavaScript 的情况下阅读：请从', '进入各通报和问题，或查看', '。'],
  },
  /** What the search page's script writes. */
  searchScript: searchScriptLabels,
  /** Slide titles of the briefing deck. */
  deck: {
    presentation: '演示',
    /** The brief form of a report's deck (deck/brief/). */
    brief: '简要版',
    cover: '封面',
    overview: '整改总体情况',
    timeline: '巡察整改时间线',
    commitments: '整改承诺与时间节点',
    carried: '上轮持续整改问题进展',
    previousRound: '上轮',
    thisRound: '本轮',
    noCommitments: '本通报未列出带时间节点的整改承诺。',
    closing: '欢迎监督',
    /** Heads the plan where the report states it in an unheaded 下一步 paragraph. */
    planHeading: '下一步工作',
    /** Heads the organisation where the report gives it only as parts with headings of their own. */
    organisationHeading: '整改组织情况',
    scanForReport: '扫码查看通报全文',
    notes: '演讲者备注：',
    none: '无',
    /** Ends the heading of a slide that continues the one before. */
    continued: '（续）',
    /** Tags a lead phrase shown to its first 40 characters: the rest is in the speaker notes. */
    seeNotes: '见备注',
    /** Opens a commitment in a problem slide's notes. */
    commitmentNote: '整改承诺：',
  },
  /** A deck across reports (/decks/<name>/). */
  crossDeck: {
    summary: '各通报整改情况',
    report: '通报',
    problems: '问题',
    total: '合计',
    open: '尚未完成整改的问题',
    noOpen: '所选通报的问题均已整改完成。',
    carried: '跨轮次延续的问题',
    noCommitments: '截至该日没有到期的整改承诺。',
  },
} as const;

/** A problem's status as the report words it: 已整改完成 or 持续整改. */
export function getStatusLabel(status: IssueStatus): string {
  return labels.status[status];
}

/** The heading of a status group: 已整改完成的问题 or 持续整改的问题. */
export function getStatusGroupLabel(status: IssueStatus): string {
  return labels.statusGroup[status];
}

/** The label of a commitment's state: 已到期 (its period ended before the report's date) or 待兑现. */
export function getCommitmentStateLabel(state: 'due' | 'past-due'): string {
  return labels.commitmentState[state];
}

/** A page's <title>: the page's own title, then the site's. */
export function formatPageTitle(title: string): string {
  return title === labels.site.title ? title : `${title} - ${labels.site.title}`;
}

/** The aria-label of a slide's speaker notes. */
export function formatNotesLabel(slideTitle: string): string {
  return `${labels.deck.notes}${slideTitle}`;
}

/** A problem named by status and number, e.g. 已整改完成问题3. */
export function formatIssueName(status: IssueStatus, number: number): string {
  return `${getStatusLabel(status)}${labels.stats.problem}${number}`;
}

/**
 * The summary of a search: how many results contain the query, how many are shown, and whether more follow. Before
 * every result is checked the total may be an upper bound (`exact` false): then it reads “约”.
 */
export function formatSearchSummary(query: string, shown: number, exhausted: boolean, total: number = shown, exact = true): string {
  if (shown === 0 && exhausted) return `未找到包含“${query}”的结果。`;
  if (exhausted) return `找到 ${shown} 个包含“${query}”的结果。`;
  return `找到${exact ? ' ' : '约 '}${total} 个包含“${query}”的结果，已显示 ${shown} 个，还有更多。`;
}

/** The introduction of the commitments list: how many, in which order, and what the two states mean. */
export function formatCommitmentsIntro(total: number): string {
  const { due, 'past-due': pastDue } = labels.commitmentState;
  return `共 ${total} 项带时限的承诺，按完成时限由近及远排列。“${pastDue}”指时限在通报成文日期之前已届满，“${due}”指成文时尚未到期。`;
}

/** The introduction of a document index page: how many documents, in which order, and which are on this page. */
export function formatDocumentsIntro(total: number, first: number, last: number): string {
  return `共 ${total} 份文件，按首次引用的先后排列；本页为第 ${first}–${last} 份。`;
}

/** The title of page `page` of a paginated list, e.g. 文件索引（第 2 页）. */
export function formatListTitle(title: string, page: number): string {
  return page > 1 ? `${title}（第 ${page} 页）` : title;
}

/**
 * One line of progress for a report list, e.g. 已整改完成 22 / 共 25 个问题（88%）; `counted` where the report does not
 * state these totals, e.g. 已整改完成 22 / 共 25 个问题（88%，逐条统计）.
 */
export function formatProgressLine(completed: number, total: number, share: string, counted = false): string {
  return `${labels.status.completed} ${completed} / 共 ${total} 个${labels.stats.problem}（${share}${counted ? `，${labels.stats.counted}` : ''}）`;
}

/**
 * The full progress sentence, e.g. for a chart's description: 共 25 个问题：已整改完成 22 个，持续整改 3 个，完成率 88%;
 * `counted` where the report does not state these totals: 共 25 个问题（逐条统计）：….
 */
export function formatProgressSummary(completed: number, ongoing: number, total: number, share: string, counted = false, longTerm = 0): string {
  const longTermPart = longTerm > 0 ? `，${labels.status.longTerm} ${longTerm} 个` : '';
  return `共 ${total} 个${labels.stats.problem}${counted ? `（${labels.stats.counted}）` : ''}：${labels.status.completed} ${completed} 个，${labels.status.ongoing} ${ongoing} 个${longTermPart}，${labels.stats.share} ${share}`;
}

/** What a total counts, as a figure's caption: 反馈意见, 问题, 已整改完成, 持续整改 (a function: a table read at load would keep every label in the search page's script). */
function getTotalCaption(key: TotalKey): string {
  return key === 'items' ? labels.stats.feedbackItems : key === 'problems' ? labels.stats.problem : labels.status[key];
}

/** The caption of a shown total: its name, marked （逐条统计） where the report states no such total. */
export function formatTotalCaption(total: Pick<ShownTotal, 'key' | 'stated'>, caption: string = getTotalCaption(total.key)): string {
  return total.stated ? caption : `${caption}（${labels.stats.counted}）`;
}

/** The unit of a shown total: 项 for items, 个 for problems. */
export function getTotalUnit(key: TotalKey): string {
  return key === 'items' ? labels.stats.unitItem : labels.stats.unitProblem;
}

// How the overview's note names the totals it compares.
const TOTAL_NAMES: Record<Exclude<TotalKey, 'items'>, string> = {
  problems: '问题总数',
  completed: '已整改完成数',
  ongoing: '持续整改数',
  longTerm: '需长期坚持数',
};

/**
 * The overview's note on the counted entries. Where the report states its totals it says the entries agree with them
 * (the build stops otherwise); it names only the totals the report states, and says which figures were counted.
 * `stated` holds the totals shown (getReportStats' `totals`), each marked stated or counted.
 */
export function formatCountedNote(
  total: number,
  completed: number,
  ongoing: number,
  stated: Partial<Record<Exclude<TotalKey, 'items'>, boolean>>,
  longTerm = 0,
): string {
  const longTermPart = longTerm > 0 ? `、${labels.status.longTerm}${longTerm}个` : '';
  const listed = `本通报逐一列出的${total}个${labels.stats.problem}（${labels.status.completed}${completed}个、${labels.status.ongoing}${ongoing}个${longTermPart}）`;
  const keys = (['problems', 'completed', 'ongoing', 'longTerm'] as const).filter((key) => key in stated);
  const named = keys.filter((key) => stated[key]).map((key) => TOTAL_NAMES[key]);
  const unnamed = keys.filter((key) => !stated[key]).map((key) => TOTAL_NAMES[key]);
  if (unnamed.length === 0) return `逐条核对：${listed}与通报所列总数一致。`;
  if (named.length === 0) return `${labels.stats.counted}：通报未列总数，以上为${listed}的统计。`;
  return `逐条核对：${listed}与通报所列${named.join('、')}一致；通报未列${unnamed.join('、')}，以上为${labels.stats.counted}。`;
}

/** A problem's place in its group, e.g. 第3个问题. */
export function formatIssueOrdinal(number: number): string {
  return `第${number}个${labels.stats.problem}`;
}

/** Where a paginated list is, e.g. 第 2 / 5 页. */
export function formatPageOfPages(page: number, last: number): string {
  return `第 ${page} / ${last} 页`;
}

/** The download link of a report's published source, e.g. 原文（TXT，27.9 KB）. */
export function formatSourceLabel(format: string, size: string): string {
  return `${labels.archive.report.source}（${format}，${size}）`;
}

/** An editorial correction, e.g. 原文“苏E2C606”应为“苏E2C608”。 */
export function formatCorrection(printed: string, reading: string): string {
  return `原文“${printed}”应为“${reading}”。`;
}

/** How many rounds a problem has been through, e.g. 历经 2 轮通报，. */
export function formatRoundCount(count: number): string {
  return count > 1 ? `历经 ${count} 轮通报，` : '';
}

/** The introduction of the rounds of a problem. */
export function formatRoundsIntro(count: number): string {
  return `本问题在以下 ${count} 份通报中均有报告，按成文日期从早到晚：`;
}

/** The introduction of a ledger page: how many problems (from how many reports), and which are on this page. */
export function formatLedgerIntro(total: number, first: number, last: number, reports?: number): string {
  const from = reports === undefined ? '，按通报成文日期从早到晚、通报内顺序排列' : `，来自 ${reports} 份通报`;
  return total === 0 ? `共 0 个${labels.stats.problem}。` : `共 ${total} 个${labels.stats.problem}${from}；本页为第 ${first}–${last} 个。`;
}

/** The number of measures of a problem as the ledger states it, e.g. 共3项. */
export function formatMeasureCount(count: number): string {
  return `共${count}${labels.stats.unitItem}`;
}

/** The link to an issuer's ledger, e.g. 查看中共示例县水利局党组的整改台账. */
export function formatIssuerLedgerLink(issuer: string): string {
  return `查看${issuer}的${labels.archive.ledger.title}`;
}

/** The kicker of a deck across reports' title slide, e.g. 2022年至2023年 · 3份巡察整改情况通报. */
export function formatCrossDeckKicker(count: number, firstYear: string, lastYear: string): string {
  const span = firstYear === lastYear ? `${firstYear}年` : `${firstYear}年至${lastYear}年`;
  return `${span} · ${count}份巡察整改情况通报`;
}

/** The issuers a deck across reports covers: one or two by name, more as 某某等N个单位. */
export function formatCrossDeckIssuers(issuers: readonly string[]): string {
  return issuers.length <= 2 ? issuers.join('、') : `${issuers[0]}等${issuers.length}个单位`;
}

/** The day a deck across reports states its figures as of, on its title slide: 截至2026年12月2日. */
export function formatAsOf(day: string): string {
  return `截至${day}`;
}

/** The heading of a deck across reports' commitments, as of a day: 截至2026年12月2日到期的整改承诺. */
export function formatCrossCommitmentsHeading(day: string): string {
  return `截至${day}到期的整改承诺`;
}

/** The notes' line on the commitments a deck across reports leaves out, their period not begun by its date. */
export function formatLaterCommitments(count: number): string {
  return `另有${count}项整改承诺截至该日尚未到期，未列出。`;
}

/** A report's row of a deck across reports' summary, in the notes. */
export function formatSummaryNote(
  report: { issuer: string; title: string; date: string },
  problems: number,
  counts: readonly { status: IssueStatus; count: number }[],
  rate: string,
  printedRate?: string,
): string {
  const parts = counts.map(({ status, count }) => `${getStatusLabel(status)}${count}个`).join('，');
  return `${report.issuer}《${report.title}》（${report.date}）：问题${problems}个，${parts}，完成率${rate}${printedRate && printedRate !== rate ? `（通报写明${printedRate}）` : ''}。`;
}
