// Regenerates server/monitor/negativity/model/negativity-model.json from the sentiment-cn
// corpora. Deterministic: the same data and options give a byte-identical file.
//   npx tsx scripts/train-negativity.ts [--data DIR] [--out FILE] [--sanity]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_SENTIMENT_DIR, SENTIMENT_FILES, loadSentimentCorpus, splitCorpus } from '../server/monitor/negativity/dataset';
import { evaluateAccuracy, sanitySample } from '../server/monitor/negativity/evaluate';
import { DEFAULT_FEATURE_CONFIG } from '../server/monitor/negativity/features';
import { DEFAULT_MODEL_URL, NegativityModel, encodeModel, loadNegativityModel } from '../server/monitor/negativity/negativity-model';
import { DEFAULT_TRAIN_OPTIONS, trainLinear } from '../server/monitor/negativity/train';

const program = new Command('train-negativity')
  .option('--data <dir>', 'folder holding the sentiment-cn CSV files', fileURLToPath(DEFAULT_SENTIMENT_DIR))
  .option('--out <file>', 'where to write the model', fileURLToPath(DEFAULT_MODEL_URL))
  .option('--words', 'add jieba word features (slower scoring; see features.ts)')
  .option('--sanity', 'only print the SANITY.md table for the shipped (or --out) model')
  .parse();
const opts = program.opts<{ data: string; out: string; words?: boolean; sanity?: boolean }>();

if (opts.sanity) {
  const model = loadNegativityModel(opts.out);
  console.log('| # | row | 留言编号 | excerpt | negativity |\n|---|---|---|---|---|');
  sanitySample().forEach((s, k) => {
    const excerpt = [...s.text.replace(/\s+/g, ' ')].slice(0, 40).join('').replace(/\|/g, '\\|');
    console.log(`| ${k + 1} | ${s.row} | ${s.id} | ${excerpt} | ${model.score(s.text).toFixed(3)} |`);
  });
} else {
  const started = performance.now();
  const { train, heldBack } = splitCorpus(loadSentimentCorpus(opts.data));
  const features = { ...DEFAULT_FEATURE_CONFIG, words: opts.words === true };
  const linear = trainLinear(train, features, DEFAULT_TRAIN_OPTIONS);
  const training = {
    corpus: [...SENTIMENT_FILES],
    split: 'held back iff fmix32(FNV-1a(review text)) % 10 < 2 (20 %)',
    trainPosts: train.length,
    heldBackPosts: heldBack.length,
    heldBackAccuracy: {},
    options: { ...DEFAULT_TRAIN_OPTIONS },
  };
  // Measure the quantised model exactly as shipped, then record the figures in the file.
  const file = encodeModel(linear, features, training);
  const report = evaluateAccuracy(new NegativityModel(file), heldBack);
  file.training.heldBackAccuracy = report.accuracy;
  const json = JSON.stringify(file) + '\n';
  writeFileSync(opts.out, json);
  console.log(JSON.stringify({ out: opts.out, bytes: Buffer.byteLength(json), ...report, seconds: Math.round((performance.now() - started) / 1000) }, null, 2));
}
