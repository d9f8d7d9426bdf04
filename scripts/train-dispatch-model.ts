// Regenerates the starter category model shipped in server/dispatch/model/ from the public
// TeddyCup 2020 C labelled messages (all of them: the fixed split is for measuring, in
// `npm run bench:dispatch`). Segmentation keeps the demo city's place and unit names whole.
//   npx tsx scripts/train-dispatch-model.ts [--data DIR] [--out FILE]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadTeddycup, serializeModel, trainWithHoldout } from '../server/dispatch/classifier/index';
import { SHIPPED_CATEGORY_MODEL } from '../server/dispatch/shipped';
import demoUnits from '../server/seed/data/demo-units.json';
import regions from '../server/seed/data/regions-341200.json';

const opts = new Command('train-dispatch-model')
  .option('--data <dir>', 'the teddycup2020-c folder', fileURLToPath(new URL('../../shared/data/teddycup2020-c', import.meta.url)))
  .option('--out <file>', 'where to write the model', fileURLToPath(SHIPPED_CATEGORY_MODEL))
  .parse()
  .opts<{ data: string; out: string }>();

const userWords = [
  regions.city.name,
  ...regions.counties.flatMap((c) => [c.name, ...c.towns.map((t) => t.name)]),
  demoUnits.cityGovernment.name,
  ...demoUnits.departments.map((d) => d.name),
  ...demoUnits.enterprises.map((e) => e.name),
];
const { examples } = loadTeddycup(opts.data);
const { model, holdout } = trainWithHoldout(examples, { features: { userWords } });
model.meta.dataFile = 'teddycup2020-c (attachment2 full-column, reconstruction and sample files; see model/SOURCE.md)';
const bytes = serializeModel(model);
writeFileSync(opts.out, bytes);
console.log(JSON.stringify({ out: opts.out, bytes: bytes.length, rows: examples.length, labels: model.labels, holdoutMacroF1: holdout?.macroF1, trainSeconds: model.meta.trainSeconds }));
