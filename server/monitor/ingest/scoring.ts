// Text analysis off the main thread. Negativity scoring (character n-grams of every post) and
// MinHash signatures are the largest CPU costs of a batch; on the event loop they would compete
// with HTTP, validation and the database driver, so one worker thread analyses while the main
// thread does the rest. If the worker cannot start or dies, analysis falls back to the main
// thread: slower, never wrong.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeInline, type TextAnalysis } from './analyze';

interface Pending {
  resolve: (result: TextAnalysis) => void;
  texts: readonly string[];
  fallbacks: readonly string[];
}

/** One text worker thread and the requests waiting for it. */
class TextWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private isBroken = false;
  private readonly worker: Worker;

  constructor() {
    // No inherited loader flags: the bootstrap registers tsx itself (twice would deadlock the loader).
    this.worker = new Worker(new URL('./scoring-worker.mjs', import.meta.url), { execArgv: [] });
    this.worker.on('message', (msg: Partial<TextAnalysis> & { id?: number }) => {
      if (msg.id === undefined || !msg.negativity || !msg.signatures || !msg.bandKeys) return;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      this.refWhileBusy();
      p?.resolve({ negativity: msg.negativity, signatures: msg.signatures, bandKeys: msg.bandKeys });
    });
    const fail = (): void => {
      this.isBroken = true;
      for (const p of this.pending.values()) p.resolve(analyzeInline(p.texts, p.fallbacks));
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
    // After the listeners (adding one re-refs the port): an idle worker never keeps the process alive.
    this.worker.unref();
  }

  /** Keeps the process alive while a request waits for the worker, and only then. */
  private refWhileBusy(): void {
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  analyze(texts: readonly string[], fallbacks: readonly string[]): Promise<TextAnalysis> {
    if (this.isBroken) return Promise.resolve(analyzeInline(texts, fallbacks));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, texts, fallbacks });
      this.refWhileBusy();
      this.worker.postMessage({ id, texts, fallbacks });
    });
  }
}

let worker: TextWorker | null | undefined;

/** Whether analysis may use a worker thread: more than one CPU, and not switched off. */
function useWorker(): boolean {
  return os.availableParallelism() > 1 && process.env.MINSHENG_TEXT_WORKER !== '0';
}

/** Negativity, MinHash signature and band keys of each normalised text, in order. */
export async function analyzeTexts(texts: readonly string[], fallbacks: readonly string[]): Promise<TextAnalysis> {
  if (texts.length === 0) return analyzeInline([], []);
  if (worker === undefined) {
    try {
      worker = useWorker() ? new TextWorker() : null;
    } catch {
      worker = null;
    }
  }
  return worker ? worker.analyze(texts, fallbacks) : analyzeInline(texts, fallbacks);
}
