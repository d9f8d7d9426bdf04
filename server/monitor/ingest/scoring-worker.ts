// The text worker: negativity scores (shipped model) and MinHash signatures with their LSH band
// keys for batches of normalised texts, sent back as transferred typed arrays.
import { parentPort } from 'node:worker_threads';
import { analyzeInline } from './analyze';

parentPort?.on('message', (msg: { id: number; texts: string[]; fallbacks: string[] }) => {
  const result = analyzeInline(msg.texts, msg.fallbacks);
  parentPort!.postMessage({ id: msg.id, ...result }, [result.negativity.buffer as ArrayBuffer, result.signatures.buffer as ArrayBuffer, result.bandKeys.buffer as ArrayBuffer]);
});
