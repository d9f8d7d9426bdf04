// Helpers every Excel export shares. Excel has no time zones and readers in a Chinese city expect
// Beijing time, so times are written as Asia/Shanghai wall-clock text (China has no daylight saving).
import type ExcelJS from 'exceljs';

/** "2026-03-02 09:34" in Beijing time, or empty for no time. */
export function shanghaiText(at: Date | string | null): string {
  if (at === null || at === '') return '';
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Adds a sheet with a bold, frozen header row and the given column widths. */
export function addSheet(book: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number)[][]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  return ws;
}
