// Minimal RFC-4180 CSV reader: the data files are SheetJS exports with quoted multi-line cells,
// so a line-based split would break rows; a small state machine is enough and avoids a dependency.
import { readFileSync } from 'node:fs';

/** A parsed CSV file: header names and one record per data row, keyed by header. */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

/** Parses CSV text (RFC 4180: `"` quoting, `""` escapes, CRLF or LF, optional UTF-8 BOM) into raw records. */
export function parseCsvRecords(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      // Copy everything up to the next quote in one slice: cells here are long, multi-line texts.
      const q = text.indexOf('"', i);
      if (q < 0) {
        field += text.slice(i);
        i = n;
        break;
      }
      field += text.slice(i, q);
      if (text.charCodeAt(q + 1) === 0x22) {
        field += '"';
        i = q + 2;
      } else {
        inQuotes = false;
        i = q + 1;
      }
      continue;
    }
    if (c === 0x22 && field.length === 0) {
      inQuotes = true;
    } else if (c === 0x2c) {
      record.push(field);
      field = '';
    } else if (c === 0x0a || c === 0x0d) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    } else {
      field += text[i];
    }
    i++;
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field at end of input');
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // A trailing blank line yields one empty field; it is not a data row.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses CSV text whose first record is the header into keyed rows. */
export function parseCsv(input: string): CsvTable {
  const records = parseCsvRecords(input);
  const header = (records[0] ?? []).map((h) => h.trim());
  const rows = records.slice(1).map((rec) => {
    const row: Record<string, string> = {};
    header.forEach((h, j) => {
      row[h] = rec[j] ?? '';
    });
    return row;
  });
  return { header, rows };
}

/** Reads a UTF-8 CSV file with a header row. */
export function readCsv(path: string): CsvTable {
  return parseCsv(readFileSync(path, 'utf8'));
}

/** Throws a clear error naming any missing column and listing the columns present. */
export function requireColumns(table: CsvTable, columns: string[], source = 'CSV'): void {
  for (const col of columns) {
    if (!table.header.includes(col)) {
      throw new Error(`${source}: column "${col}" not found; columns present: ${table.header.join(', ')}`);
    }
  }
}
