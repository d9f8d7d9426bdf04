// Loader for the TeddyCup 2020 C labelled messages (../shared/data/teddycup2020-c, see its
// SOURCE.md). Three partial views of the same official 附件2 overlap, so rows are merged by their
// whitespace-free details text; the resulting set and the split are documented in README.md.
import { join } from 'node:path';
import { readCsv, requireColumns } from './csv';
import { stratifiedHashSplit, type LabelledExample } from './dataset';
import { compactKey } from './text';

/** The split everyone quotes: 20 % of each class, by hash rank of the whitespace-free details. */
export const TEDDYCUP_SPLIT = { testFraction: 0.2, salt: 'minsheng-dispatch-v1' } as const;

/** A merged example with where it came from. */
export interface TeddycupExample extends LabelledExample {
  title: string;
  key: string;
  sources: string[];
}

/** Counts describing how the merged set was built. */
export interface TeddycupStats {
  rowsRead: Record<string, number>;
  unique: number;
  withTitle: number;
  /** Texts whose official copies disagree on the label: dropped as ambiguous. */
  droppedConflicts: number;
  /** Texts where the pre-contest sample release label was overridden by the official one. */
  sampleOverridden: number;
}

interface Copy {
  title: string;
  text: string;
  label: string;
  source: string;
  official: boolean;
}

const FILES = [
  // Official 附件2 views first: their labels win over the pre-contest sample release.
  { file: 'attachment2_labeled_fullcols.csv', title: '留言主题', official: true },
  { file: 'attachment2_details_labels_partial_reconstruction.csv', title: '留言主题_if_known', official: true },
  { file: 'attachment2_sample_release_labeled.csv', title: '留言主题', official: false },
] as const;

/** Reads and merges the three labelled files into one deduplicated, conflict-free example list. */
export function loadTeddycup(dir: string): { examples: TeddycupExample[]; stats: TeddycupStats } {
  const copies = new Map<string, Copy[]>();
  const rowsRead: Record<string, number> = {};
  for (const f of FILES) {
    const table = readCsv(join(dir, f.file));
    requireColumns(table, [f.title, '留言详情', '一级标签'], f.file);
    rowsRead[f.file] = table.rows.length;
    for (const row of table.rows) {
      const text = (row['留言详情'] ?? '').trim();
      const label = (row['一级标签'] ?? '').trim();
      const key = compactKey(text);
      if (key.length === 0 || label.length === 0) continue;
      const copy: Copy = { title: (row[f.title] ?? '').trim(), text, label, source: f.file, official: f.official };
      const list = copies.get(key);
      if (list) list.push(copy);
      else copies.set(key, [copy]);
    }
  }
  const examples: TeddycupExample[] = [];
  let droppedConflicts = 0;
  let sampleOverridden = 0;
  for (const [key, list] of copies) {
    const official = list.filter((c) => c.official);
    const labels = new Set((official.length > 0 ? official : list).map((c) => c.label));
    if (labels.size > 1) {
      droppedConflicts++;
      continue;
    }
    const label = [...labels][0] as string;
    if (list.some((c) => !c.official && c.label !== label)) sampleOverridden++;
    const title = list.find((c) => c.title.length > 0)?.title ?? '';
    const first = list[0] as Copy;
    examples.push({ title, text: first.text, label, key, sources: [...new Set(list.map((c) => c.source))] });
  }
  return {
    examples,
    stats: {
      rowsRead,
      unique: examples.length,
      withTitle: examples.filter((e) => e.title.length > 0).length,
      droppedConflicts,
      sampleOverridden,
    },
  };
}

/** Loads the merged set and applies the fixed split. */
export function loadTeddycupSplit(dir: string): { train: TeddycupExample[]; test: TeddycupExample[]; stats: TeddycupStats } {
  const { examples, stats } = loadTeddycup(dir);
  return { ...stratifiedHashSplit(examples, TEDDYCUP_SPLIT), stats };
}
