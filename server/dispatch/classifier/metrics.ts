// Classification metrics. Macro-F1 is the headline number because categories are imbalanced and a
// small category (交通运输) matters as much to its unit as a big one.

/** Precision, recall, F1 and support of one class. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Accuracy, macro-F1 and the per-class table. */
export interface EvalResult {
  accuracy: number;
  macroF1: number;
  n: number;
  perClass: ClassMetrics[];
  /** confusion[gold][predicted], in `labels` order. */
  confusion: number[][];
  labels: string[];
}

/** Computes metrics from gold and predicted labels; classes are the union of both, sorted. */
export function computeMetrics(gold: readonly string[], predicted: readonly string[], labelOrder?: readonly string[]): EvalResult {
  if (gold.length !== predicted.length) throw new Error('computeMetrics: gold and predicted differ in length');
  const labels = [...(labelOrder ?? [])];
  for (const l of [...gold, ...predicted].sort()) if (!labels.includes(l)) labels.push(l);
  const pos = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = pos.get(gold[i] as string) as number;
    const p = pos.get(predicted[i] as string) as number;
    const row = confusion[g] as number[];
    row[p] = (row[p] as number) + 1;
    if (g === p) correct++;
  }
  const perClass: ClassMetrics[] = labels.map((label, k) => {
    const tp = (confusion[k] as number[])[k] as number;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] as number), 0);
    const precision = predictedK > 0 ? tp / predictedK : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  // Macro average over classes present in the gold data: a label never seen in the gold set would
  // otherwise add a spurious 0 whenever the model predicts it once.
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.length > 0 ? present.reduce((a, c) => a + c.f1, 0) / present.length : 0;
  return { accuracy: gold.length > 0 ? correct / gold.length : 0, macroF1, n: gold.length, perClass, confusion, labels };
}

/** Renders the per-class table and summary as aligned plain text. */
export function formatReport(r: EvalResult): string {
  const width = Math.max(8, ...r.perClass.map((c) => displayWidth(c.label)));
  const pad = (s: string): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
  const lines = [`${pad('class')}  precision  recall     f1  support`];
  for (const c of r.perClass) {
    lines.push(`${pad(c.label)}  ${c.precision.toFixed(4).padStart(9)}  ${c.recall.toFixed(4).padStart(6)}  ${c.f1.toFixed(4).padStart(5)}  ${String(c.support).padStart(7)}`);
  }
  lines.push(`accuracy ${r.accuracy.toFixed(4)}  macro-F1 ${r.macroF1.toFixed(4)}  n=${r.n}`);
  return lines.join('\n');
}

/** Terminal width of a string: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) as number) >= 0x1100 ? 2 : 1;
  return w;
}
