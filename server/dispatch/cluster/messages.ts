// Reading message-board exports (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 反对数, 点赞数) into
// items for clustering. Columns other than title, details and time are optional, so any board's
// export with those three works.
import { readCsv, requireColumns, type CsvTable } from '../classifier/csv';
import type { ClusterItem } from './issue';

/** Column names of a message-board export. */
export const MESSAGE_COLUMNS = { id: '留言编号', title: '留言主题', time: '留言时间', text: '留言详情', likes: '点赞数', against: '反对数' } as const;

/**
 * Parses `YYYY-MM-DD HH:MM[:SS]` (or with `/` and single-digit parts) as Asia/Shanghai time, or an
 * ISO time with an offset. Returns epoch ms, or NaN when it is not a time.
 */
export function parseBoardTime(s: string): number {
  const t = s.trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return /[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? Date.parse(t) : NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(sec));
}

const count = (s: string | undefined): number => {
  const n = Number((s ?? '').trim());
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** Items of a parsed table, in time order; rows without a valid time are reported, not guessed. */
export function itemsFromTable(table: CsvTable, source = 'CSV'): ClusterItem[] {
  const c = MESSAGE_COLUMNS;
  requireColumns(table, [c.title, c.time, c.text], source);
  const items: ClusterItem[] = [];
  table.rows.forEach((row, i) => {
    const at = parseBoardTime(row[c.time] ?? '');
    if (Number.isNaN(at)) throw new Error(`${source}: row ${i + 2}: ${c.time} "${row[c.time] ?? ''}" is not a time (YYYY-MM-DD HH:MM:SS)`);
    const title = (row[c.title] ?? '').trim();
    const text = (row[c.text] ?? '').trim();
    if (title.length === 0 && text.length === 0) return;
    items.push({ id: (row[c.id] ?? '').trim() || `row${i + 2}`, title, text, at, likes: count(row[c.likes]), against: count(row[c.against]) });
  });
  // Stable: equal times keep file order.
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.at - b.item.at || a.i - b.i).map((x) => x.item);
}

/** Reads a message-board CSV file into items in time order. */
export function readMessages(path: string): ClusterItem[] {
  return itemsFromTable(readCsv(path), path);
}
