// Benchmark of the shipped negativity model: held-back accuracy (per corpus file and overall,
// same fixed split as scripts/train-negativity.ts) and single-core scoring throughput.
//   npx tsx bench/monitor-score.ts [--data DIR] [--model FILE] [--seconds N]
// Ends with one JSON line for CI: {"bench":"monitor-score","accuracy":…,"postsPerSec":…,"goal":{…}}
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_SENTIMENT_DIR, loadSentimentCorpus, splitCorpus } from '../server/monitor/negativity/dataset';
import { evaluateAccuracy } from '../server/monitor/negativity/evaluate';
import { DEFAULT_MODEL_URL, loadNegativityModel } from '../server/monitor/negativity/negativity-model';

const GOAL = { accuracy: 0.88, postsPerSec: 20000 };

const opts = new Command('bench-monitor-score')
  .option('--data <dir>', 'folder holding the sentiment-cn CSV files', fileURLToPath(DEFAULT_SENTIMENT_DIR))
  .option('--model <file>', 'model file', fileURLToPath(DEFAULT_MODEL_URL))
  .option('--seconds <n>', 'minimum timing duration', '3')
  .parse()
  .opts<{ data: string; model: string; seconds: string }>();

const loadStart = performance.now();
const model = loadNegativityModel(opts.model);
const loadMs = performance.now() - loadStart;
const { heldBack } = splitCorpus(loadSentimentCorpus(opts.data));

const report = evaluateAccuracy(model, heldBack);
console.log(`held-back accuracy (fmix32(FNV-1a(text)) % 10 < 2, threshold 0.5):`);
for (const [file, acc] of Object.entries(report.accuracy)) {
  console.log(`  ${file.padEnd(28)} ${acc.toFixed(4)}  (model alone ${report.modelOnlyAccuracy[file]!.toFixed(4)}, n=${report.posts[file]})`);
}

// Throughput: the held-back texts (real reviews, median ~30 chars) scored in a loop on this
// thread only, after a warm-up pass, until the minimum duration has elapsed.
const texts = heldBack.map((p) => p.text);
const meanChars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
let sink = 0;
for (const t of texts.slice(0, 3000)) sink += model.score(t);
const minMs = Number(opts.seconds) * 1000;
let scored = 0;
const start = performance.now();
while (performance.now() - start < minMs) {
  for (const t of texts) sink += model.score(t);
  scored += texts.length;
}
const postsPerSec = Math.round(scored / ((performance.now() - start) / 1000));
console.log(`throughput: ${postsPerSec} posts/s on one core (${scored} posts, mean ${meanChars.toFixed(1)} chars; model load ${loadMs.toFixed(0)} ms; checksum ${sink.toFixed(1)})`);

const accuracy = report.accuracy.overall ?? 0;
const ok = accuracy >= GOAL.accuracy && postsPerSec >= GOAL.postsPerSec;
console.log(JSON.stringify({ bench: 'monitor-score', accuracy, perFile: report.accuracy, postsPerSec, ok, goal: GOAL }));
