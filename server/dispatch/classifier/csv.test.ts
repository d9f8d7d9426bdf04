import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, requireColumns } from './csv';

describe('CSV reader', () => {
  it('handles quotes, escaped quotes, embedded newlines, CRLF and a BOM', () => {
    const text = '\uFEFFid,title,details\r\n1,"A市, A3区","第一行\n第二行 ""引用"""\r\n2,plain,\r\n';
    const t = parseCsv(text);
    expect(t.header).toEqual(['id', 'title', 'details']);
    expect(t.rows).toEqual([
      { id: '1', title: 'A市, A3区', details: '第一行\n第二行 "引用"' },
      { id: '2', title: 'plain', details: '' },
    ]);
  });

  it('keeps empty fields and a last line without newline', () => {
    expect(parseCsvRecords('a,b,c\n,,\nx,"y",z')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', 'y', 'z'],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsvRecords('a\n"open')).toThrow(/unterminated/);
  });

  it('names a missing column and lists the present ones', () => {
    const t = parseCsv('留言主题,一级标签\nx,y\n');
    expect(() => requireColumns(t, ['留言详情'], 'data.csv')).toThrow('data.csv: column "留言详情" not found; columns present: 留言主题, 一级标签');
  });
});
