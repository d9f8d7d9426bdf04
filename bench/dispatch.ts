// Smart-dispatch bench: fixed TeddyCup split, NB baseline vs main model, throughput on one core.
// Ends with one line of JSON for CI dashboards. Run: npx tsx bench/dispatch.ts [dataDir]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  evaluate,
  formatReport,
  groupNearDuplicates,
  loadModel,
  loadTeddycupSplit,
  saveModel,
  trainClassifier,
  trainNaiveBayesBaseline,
  TEDDYCUP_SPLIT,
  type Classifier,
} from '../server/dispatch/classifier/index';

const GOAL = { macroF1: 0.92, trainSeconds: 120, appealsPerSec: 2000 };
const dataDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'teddycup2020-c'));

const log = (s = ''): void => void process.stdout.write(`${s}\n`);
const seconds = (t0: number): number => (performance.now() - t0) / 1000;

const t0 = performance.now();
const { train, test, stats } = loadTeddycupSplit(dataDir);
log(`data: ${dataDir} (read in ${seconds(t0).toFixed(1)} s)`);
log(`rows read: ${JSON.stringify(stats.rowsRead)}`);
log(`unique messages ${stats.unique} (with title ${stats.withTitle}), conflicting labels dropped ${stats.droppedConflicts}, sample-release labels overridden ${stats.sampleOverridden}`);
log(`split: ${JSON.stringify(TEDDYCUP_SPLIT)} → train ${train.length}, test ${test.length}`);
const labels = [...new Set([...train, ...test].map((e) => e.label))].sort();
for (const l of labels) {
  log(`  ${l}\ttrain ${train.filter((e) => e.label === l).length}\ttest ${test.filter((e) => e.label === l).length}`);
}

// Leakage check, stricter than the split's own grouping: looser near-duplicate thresholds.
const trainKeys = new Set(train.map((e) => e.key));
const exactLeaks = test.filter((e) => trainKeys.has(e.key)).length;
const all = [...train, ...test];
const groups = groupNearDuplicates(all.map((e) => e.text), { jaccard: 0.2, containment: 0.4 });
const trainGroups = new Set(Array.from(groups.subarray(0, train.length)));
const nearLeaks = Array.from(groups.subarray(train.length)).filter((g) => trainGroups.has(g)).length;
log(`leakage: ${exactLeaks} test texts identical to a train text, ${nearLeaks} with a train near-duplicate (audit at Jaccard ≥ 0.2 or containment ≥ 0.4 of 5-gram shingles, looser than the split)`);

function report(name: string, model: Classifier): { accuracy: number; macroF1: number } {
  const r = evaluate(model, test);
  log(`\n== ${name} on test (${r.n}) ==\n${formatReport(r)}`);
  return { accuracy: r.accuracy, macroF1: r.macroF1 };
}

let t = performance.now();
const baseline = trainNaiveBayesBaseline(train);
const baselineSeconds = seconds(t);
log(`\nbaseline (char 1–3-gram naive Bayes) trained in ${baselineSeconds.toFixed(1)} s`);
const base = report('baseline', baseline);

t = performance.now();
const model = trainClassifier(train, { meta: { dataFile: 'teddycup2020-c (fixed split, train part)' } });
const trainSeconds = seconds(t);
log(`\nmain model (jieba words + char 1–3-grams, TF-IDF, NB-SVM) trained in ${trainSeconds.toFixed(1)} s`);
const main = report('main model', model);

// Save/load roundtrip: same predictions, and loading must be cheap enough to hot-swap.
const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-'));
const path = join(dir, 'model.bin');
saveModel(model, path);
t = performance.now();
const loaded = loadModel(path);
const loadMs = seconds(t) * 1000;
const same = test.slice(0, 200).every((e) => loaded.classify(e.title, e.text).label === model.classify(e.title, e.text).label);
log(`\nmodel file ${(statSync(path).size / 1e6).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms, predictions identical after reload: ${same}`);
rmSync(dir, { recursive: true, force: true });

// Throughput on one core: this loop is single-threaded; classify includes normalisation and jieba.
for (const e of test.slice(0, 100)) loaded.classify(e.title, e.text);
let n = 0;
const cpu0 = process.cpuUsage();
t = performance.now();
while (performance.now() - t < 3000) {
  for (const e of test) loaded.classify(e.title, e.text);
  n += test.length;
}
const appealsPerSec = n / seconds(t);
const cpu = process.cpuUsage(cpu0);
// CPU time as well: on a shared machine wall-clock throughput also measures the neighbours.
const appealsPerCpuSec = n / ((cpu.user + cpu.system) / 1e6);
log(`throughput: ${Math.round(appealsPerSec)} appeals/s wall-clock on one thread, ${Math.round(appealsPerCpuSec)} per CPU-second (${n} classifications)`);

log(
  JSON.stringify({
    bench: 'dispatch',
    macroF1: +main.macroF1.toFixed(4),
    accuracy: +main.accuracy.toFixed(4),
    baselineMacroF1: +base.macroF1.toFixed(4),
    baselineAccuracy: +base.accuracy.toFixed(4),
    trainSeconds: +trainSeconds.toFixed(1),
    appealsPerSec: Math.round(appealsPerSec),
    appealsPerCpuSec: Math.round(appealsPerCpuSec),
    split: { train: train.length, test: test.length },
    goal: GOAL,
  }),
);
