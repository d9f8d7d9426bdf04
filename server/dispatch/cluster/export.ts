// The special report (专报) as an Excel workbook: a summary sheet and an appeals sheet. Times are
// written as Asia/Shanghai wall-clock text (Excel has no time zones; readers expect Beijing time).
import ExcelJS from 'exceljs';
import { addSheet, shanghaiText } from '../../export/workbook';
import type { HotIssueReportView } from './view';

/** The workbook of a special report, as bytes. */
export async function reportWorkbook(r: HotIssueReportView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '民声 热点专报';
  const f = r.figures;
  const summary = addSheet(book, '专报摘要', [{ header: '项目', width: 16 }, { header: '内容', width: 90 }], [
    ['热点', r.label],
    ['摘要', r.summary],
    ['诉求数', r.size],
    ['可查看诉求', f.count],
    ['点赞（附议）', r.likes],
    ['热度', r.heat],
    ['起止时间（北京时间）', `${shanghaiText(r.firstAt)} 至 ${shanghaiText(r.lastAt)}`],
    ['涉及地点', r.places.join('、')],
    ['关键词', r.keywords.join('、')],
    ['承办单位', f.units.map((u) => `${u.name} ${u.count}件`).join('；')],
    ['办理状态', f.statuses.map((s) => `${s.name} ${s.count}件`).join('；')],
    ['生成时间（北京时间）', shanghaiText(r.generatedAt)],
  ]);
  summary.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  summary.addRow([]);
  summary.addRow([f.bucket === 'day' ? '日期' : '周（起）', '诉求数']).font = { bold: true };
  for (const t of f.trend) summary.addRow([t.period, t.count]);
  addSheet(
    book,
    '诉求清单',
    [
      { header: '序号', width: 6 },
      { header: '受理编号', width: 16 },
      { header: '标题', width: 50 },
      { header: '承办单位', width: 24 },
      { header: '办理状态', width: 12 },
      { header: '区域', width: 14 },
      { header: '提交时间', width: 18 },
      { header: '办结时间', width: 18 },
      { header: '点赞', width: 8 },
      { header: '相似度', width: 8 },
    ],
    r.appeals.map((a, i) => [i + 1, a.trackingCode, a.title, a.unitName ?? '尚未交办', a.statusLabel, a.regionName ?? '', shanghaiText(a.createdAt), shanghaiText(a.closedAt), a.supportCount, a.similarity]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
