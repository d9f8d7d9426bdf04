import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addSheet, shanghaiText } from './workbook';

describe('shanghaiText', () => {
  it('writes Beijing wall-clock time for Date and ISO inputs, empty for none', () => {
    expect(shanghaiText(new Date('2026-03-01T17:34:00Z'))).toBe('2026-03-02 01:34');
    expect(shanghaiText('2026-03-02T09:34:00+08:00')).toBe('2026-03-02 09:34');
    expect(shanghaiText(null)).toBe('');
  });
});

describe('addSheet', () => {
  it('adds a bold, frozen header row and the rows under it', async () => {
    const book = new ExcelJS.Workbook();
    addSheet(book, '台账', [{ header: '受理编号', width: 16 }, { header: '件数', width: 8 }], [['261122ABCDEF', 3]]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    const ws = read.getWorksheet('台账')!;
    expect(ws.getRow(1).values).toEqual([undefined, '受理编号', '件数']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '261122ABCDEF', 3]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
