// `minsheng hot` (the hottest issues of a message file) and `minsheng dupes` (a reproducible sample
// of proposed duplicate pairs to check by reading). Both read a CSV with the message-board columns
// 留言编号, 留言主题, 留言时间, 留言详情 and optionally 点赞数, 反对数.
import type { Command } from 'commander';
import { analyse, clusterItems, duplicatePairs, formatHot, formatPairs, hottestSummaries, samplePairs } from './batch';
import { DEFAULT_CLUSTER } from './issue';
import { parseBoardTime, readMessages } from './messages';

/** Parses a number option or fails naming it. */
function numberOption(name: string, min: number): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected a number ≥ ${min}, got "${v}"`);
    return n;
  };
}

/** Runs an action and turns any thrown error into a one-line message and exit code 1. */
function guarded<A extends unknown[]>(cmd: () => Command, fn: (...args: A) => unknown): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      cmd().error(`error: ${(e as Error).message}`, { exitCode: 1 });
    }
  };
}

const seconds = (t0: number): string => ((performance.now() - t0) / 1000).toFixed(1);

interface HotOptions {
  data: string;
  top: number;
  json?: boolean;
  now?: string;
  halfLifeDays: number;
  threshold: number;
  minSize: number;
}

interface DupesOptions {
  data: string;
  sample: number;
  seed: string;
  windowDays: number;
  json?: boolean;
}

/** `minsheng hot …` and `minsheng dupes …`. */
export function registerClusterCommands(program: Command): void {
  const hotCmd: Command = program
    .command('hot')
    .description('cluster a message file into hot issues (热点) and print the hottest')
    .requiredOption('--data <file>', 'UTF-8 CSV with 留言编号, 留言主题, 留言时间, 留言详情 (点赞数, 反对数 optional)')
    .option('--top <n>', 'how many issues to print', numberOption('top', 1), 10)
    .option('--json', 'print JSON instead of text')
    .option('--now <time>', 'reference time for heat (default: the newest message), e.g. "2020-01-26 12:00"')
    .option('--half-life-days <days>', 'heat half-life in days; 0 = no decay', numberOption('half-life-days', 0), DEFAULT_CLUSTER.heat.halfLifeDays)
    .option('--threshold <sim>', 'similarity for joining an issue', numberOption('threshold', 0), DEFAULT_CLUSTER.threshold)
    .option('--min-size <n>', 'least appeals in a listed issue', numberOption('min-size', 1), 2)
    .action(
      guarded(
        () => hotCmd,
        (o: HotOptions) => {
          const t0 = performance.now();
          const items = readMessages(o.data);
          if (items.length === 0) throw new Error(`${o.data}: no messages`);
          const ref = o.now ? parseBoardTime(o.now) : (items[items.length - 1]?.at ?? Date.now());
          if (Number.isNaN(ref)) throw new Error(`--now: "${o.now}" is not a time (YYYY-MM-DD HH:MM:SS)`);
          const analysed = analyse(items);
          const featureSeconds = Number(seconds(t0));
          const t1 = performance.now();
          const clusterer = clusterItems(items, { threshold: o.threshold, heat: { halfLifeDays: o.halfLifeDays } }, analysed);
          const summaries = hottestSummaries(clusterer, items, ref, o.top, o.minSize);
          const all = clusterer.all();
          const timing = { messages: items.length, issueCount: all.length, issuesWith2: all.filter((i) => i.state.size >= 2).length, featureSeconds, clusterSeconds: Number(seconds(t1)), totalSeconds: Number(seconds(t0)) };
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ ...timing, reference: new Date(ref).toISOString(), halfLifeDays: o.halfLifeDays, issues: summaries })}\n`);
            return;
          }
          process.stdout.write(`${formatHot(summaries)}\n`);
          process.stderr.write(
            `hot: ${timing.messages} messages → ${timing.issueCount} issues (${timing.issuesWith2} with ≥ 2 appeals); features ${timing.featureSeconds} s, total ${timing.totalSeconds} s\n`,
          );
        },
      ),
    );

  const dupesCmd: Command = program
    .command('dupes')
    .description('propose near-duplicate pairs in a message file and print a reproducible random sample')
    .requiredOption('--data <file>', 'UTF-8 CSV with 留言编号, 留言主题, 留言时间, 留言详情')
    .option('--sample <n>', 'how many pairs to print', numberOption('sample', 1), 50)
    .option('--seed <seed>', 'seed of the sample', 'minsheng')
    .option('--window-days <days>', 'compare appeals at most this many days apart', numberOption('window-days', 0), 30)
    .option('--json', 'print JSON instead of text')
    .action(
      guarded(
        () => dupesCmd,
        (o: DupesOptions) => {
          const t0 = performance.now();
          const items = readMessages(o.data);
          const pairs = duplicatePairs(items, { windowDays: o.windowDays });
          const sample = samplePairs(pairs, Math.floor(o.sample), o.seed);
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ messages: items.length, pairs: pairs.length, seconds: Number(seconds(t0)), sample })}\n`);
            return;
          }
          process.stdout.write(`${formatPairs(sample, items)}\n`);
          process.stderr.write(`dupes: ${items.length} messages → ${pairs.length} proposed pairs; ${seconds(t0)} s; sample of ${sample.length}, seed "${o.seed}"\n`);
        },
      ),
    );
}
