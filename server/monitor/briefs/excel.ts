/**
 * The brief as an Excel ledger (台账): one sheet per part, times written as Asia/Shanghai wall-clock
 * text (Excel has no time zones, and readers in 阜阳 expect Beijing time).
 */
import ExcelJS from 'exceljs';
import { addSheet, shanghaiText } from '../../export/workbook';
import { ALERT_STATUS_LABELS, LEVEL_LABELS } from '../../../shared/monitor';
import type { Brief } from './brief';


/** The Chinese label of a level or status as stored (its code when unknown). */
const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

/** A percentage with one decimal, or "—". */
function percent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** The workbook of a brief, as bytes. */
export async function briefWorkbook(brief: Brief): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '民声 舆情监测';
  const title = brief.period.kind === 'daily' ? `舆情日报 ${brief.period.label}` : `舆情周报 ${brief.period.label}`;
  const t = brief.totals;
  addSheet(book, '概况', [{ header: '项目', width: 22 }, { header: '数值', width: 40 }], [
    ['简报', title],
    ['统计时段（北京时间）', `${shanghaiText(brief.period.start)} 至 ${shanghaiText(brief.period.end)}`],
    ['监测帖文', t.posts],
    ['负面帖文', t.negative],
    ['负面占比', percent(t.negativeShare)],
    ['预警', t.alerts],
    ['转为诉求', t.dispatched],
    ['其中已办结', t.dispatchedClosed],
    ['其中已超期', t.dispatchedOverdue],
  ]);
  addSheet(
    book,
    '平台分布',
    [{ header: '平台', width: 16 }, { header: '帖文数', width: 10 }, { header: '负面数', width: 10 }, { header: '负面占比', width: 10 }],
    brief.byPlatform.map((p) => [p.platform, p.posts, p.negative, percent(p.negativeShare)]),
  );
  addSheet(
    book,
    '负面事件',
    [
      { header: '事件', width: 36 },
      { header: '区域', width: 14 },
      { header: '帖文数', width: 8 },
      { header: '峰值热度', width: 10 },
      { header: '负面度', width: 8 },
      { header: '首发时间', width: 18 },
      { header: '最近时间', width: 18 },
      { header: '预警', width: 14 },
    ],
    brief.topNegativeStories.map((s) => [
      s.label,
      s.regionName ?? '',
      s.postCount,
      Math.round(s.peakHeat * 10) / 10,
      s.negativity === null ? '' : Math.round(s.negativity * 100) / 100,
      shanghaiText(s.firstAt),
      shanghaiText(s.lastAt),
      s.alertLevel ? `${labelOf(LEVEL_LABELS, s.alertLevel)} · ${labelOf(ALERT_STATUS_LABELS, s.alertStatus ?? '')}` : '',
    ]),
  );
  addSheet(
    book,
    '预警处置',
    ['级别', '合计', ...(['open', 'handled', 'irrelevant', 'dispatched'] as const).map((st) => ALERT_STATUS_LABELS[st])].map((header) => ({ header, width: 10 })),
    brief.alerts.byLevel.map((a) => [labelOf(LEVEL_LABELS, a.level), a.total, a.open, a.handled, a.irrelevant, a.dispatched]),
  );
  addSheet(
    book,
    '转办台账',
    [
      { header: '受理编号', width: 16 },
      { header: '诉求标题', width: 32 },
      { header: '平台', width: 10 },
      { header: '承办单位', width: 20 },
      { header: '办理状态', width: 12 },
      { header: '发帖时间', width: 18 },
      { header: '发现时间', width: 18 },
      { header: '转办时间', width: 18 },
      { header: '答复时间', width: 18 },
      { header: '办结时间', width: 18 },
      { header: '是否超期', width: 10 },
    ],
    brief.dispatched.map((d) => [
      d.trackingCode,
      d.title,
      d.platform,
      d.leadUnitName ?? '',
      d.statusLabel,
      shanghaiText(d.postedAt),
      shanghaiText(d.detectedAt),
      shanghaiText(d.dispatchedAt),
      shanghaiText(d.repliedAt),
      shanghaiText(d.resolvedAt),
      d.isOverdue ? '超期' : '',
    ]),
  );
  const bytes = await book.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
