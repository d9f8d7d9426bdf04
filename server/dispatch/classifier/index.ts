// Public API of the dispatch classifier (category or unit prediction for resident appeals).
import { stratifiedHashSplit, type LabelledExample } from './dataset';
import { computeMetrics, type EvalResult } from './metrics';
import type { Classifier } from './model';
import type { SparseVec } from './features';
import { countExamples, featureConfig, prepareCounts, trainPrepared, usableExamples, type TrainOptions } from './train';

export { readCsv, parseCsv, parseCsvRecords, requireColumns, type CsvTable } from './csv';
export { examplesFromTable, stratifiedHashSplit, groupNearDuplicates, stableHash, type LabelledExample } from './dataset';
export { DEFAULT_FEATURES, Featurizer, type FeatureConfig } from './features';
export { computeMetrics, formatReport, type EvalResult, type ClassMetrics } from './metrics';
export { LinearClassifier, type Classifier, type Prediction, type LabelProb, type TrainingMeta } from './model';
export { NaiveBayesClassifier, trainNaiveBayesBaseline, type NaiveBayesOptions } from './naiveBayes';
export { saveModel, loadModel, readModelHeader, serializeModel, deserializeModel, encodeModel, decodeModel, MODEL_FORMAT_VERSION, type ModelHeader } from './io';
export { Segmenter, getSegmenter, normaliseText } from './text';
export { trainClassifier, usableExamples, DEFAULT_HEADS, type TrainOptions, type HeadSpec } from './train';
export { loadTeddycup, loadTeddycupSplit, TEDDYCUP_SPLIT, type TeddycupExample } from './teddycup';

/** Classifies every example and computes accuracy, macro-F1 and the per-class table. */
export function evaluate(model: Classifier, examples: readonly LabelledExample[]): EvalResult {
  const predicted = examples.map((e) => model.classify(e.title ?? '', e.text, 1).label);
  return computeMetrics(
    examples.map((e) => e.label),
    predicted,
    model.labels,
  );
}

/**
 * Trains on all examples and records an honest quality estimate in the model's metadata: a first
 * model is trained on 80 % and scored on a stable-hash 20 % hold-out (near-duplicates kept on one
 * side), then the shipped model is retrained on everything.
 */
export function trainWithHoldout(rows: readonly LabelledExample[], options: TrainOptions = {}): { model: Classifier; holdout?: EvalResult } {
  const started = performance.now();
  const examples = usableExamples(rows);
  // Segmentation is the slow part: count every row once and reuse the counts for both fits.
  const config = featureConfig(options.features);
  const counts = countExamples(examples, config);
  const countOf = new Map(examples.map((e, i) => [e, counts[i] as SparseVec]));
  const countsFor = (part: readonly LabelledExample[]) => part.map((e) => countOf.get(e) as SparseVec);
  let holdout: EvalResult | undefined;
  if (examples.length >= 50) {
    const { train, test } = stratifiedHashSplit(examples, { testFraction: 0.2, salt: 'minsheng-train-holdout' });
    if (train.length > 0 && test.length > 0 && new Set(train.map((e) => e.label)).size >= 2) {
      const first = trainPrepared(prepareCounts(train, countsFor(train), config), options);
      const predicted = countsFor(test).map((x) => first.labels[argmax(first.probabilitiesOf(x))] as string);
      holdout = computeMetrics(test.map((e) => e.label), predicted, first.labels);
    }
  }
  const model = trainPrepared(prepareCounts(examples, counts, config), options);
  model.meta.trainSeconds = (performance.now() - started) / 1000;
  if (examples.length < rows.length) model.meta.skippedEmptyRows = rows.length - examples.length;
  if (holdout) model.meta.metrics = { accuracy: holdout.accuracy, macroF1: holdout.macroF1, on: `20% stable-hash hold-out (${holdout.n} rows); final model retrained on all rows` };
  return { model, holdout };
}

/** Index of the largest value (the first one on ties, as classify's ranking). */
function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
  return best;
}
