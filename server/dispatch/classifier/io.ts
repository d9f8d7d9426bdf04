// Model files: an 8-byte magic, a little-endian uint32 header length, a JSON header (format
// version, labels, feature config, training metadata, blob table), then raw little-endian typed
// arrays aligned to 4 bytes. Loading is one file read plus array copies, cheap enough to hot-swap.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { FeatureConfig } from './features';
import { LinearClassifier, type Classifier, type LinearHead, type TrainingMeta } from './model';
import { NaiveBayesClassifier } from './naiveBayes';

const MAGIC = 'MSDISP01';
/** Bumped whenever the meaning of a stored field changes; older files are rejected clearly. */
export const MODEL_FORMAT_VERSION = 1;

interface BlobRef {
  name: string;
  type: 'int32' | 'float32';
  offset: number;
  length: number;
}

/** The JSON header of a model file (also what `describeModel` shows). */
export interface ModelHeader {
  format: 'minsheng-dispatch-classifier';
  version: number;
  kind: 'linear' | 'naive-bayes';
  labels: string[];
  features: FeatureConfig;
  heads?: { solver: string; temperature: number; mix: number }[];
  naiveBayes?: { alpha: number; temperature: number };
  meta: TrainingMeta;
  blobs: BlobRef[];
}

function blobsOf(model: Classifier): [string, Int32Array | Float32Array][] {
  if (model instanceof LinearClassifier) {
    const out: [string, Int32Array | Float32Array][] = [['buckets', model.buckets], ['idf', model.idfCol]];
    model.heads.forEach((h, i) => out.push([`w${i}`, h.weights.w], [`b${i}`, h.weights.b]));
    return out;
  }
  if (model instanceof NaiveBayesClassifier) return [['buckets', model.buckets], ['logLik', model.logLik], ['logPrior', model.logPrior]];
  throw new Error('saveModel: unknown classifier type');
}

/** Writes a model atomically (temp file + rename) so a server never loads a half-written file. */
export function saveModel(model: Classifier, path: string): void {
  const blobs = blobsOf(model);
  const refs: BlobRef[] = [];
  let offset = 0;
  for (const [name, arr] of blobs) {
    refs.push({ name, type: arr instanceof Int32Array ? 'int32' : 'float32', offset, length: arr.length });
    offset += arr.length * 4;
  }
  const header: ModelHeader = {
    format: 'minsheng-dispatch-classifier',
    version: MODEL_FORMAT_VERSION,
    kind: model.kind,
    labels: [...model.labels],
    features: model.features,
    meta: model.meta,
    blobs: refs,
  };
  if (model instanceof LinearClassifier) header.heads = model.heads.map((h) => ({ solver: h.solver, temperature: h.temperature, mix: h.mix }));
  if (model instanceof NaiveBayesClassifier) header.naiveBayes = { alpha: model.alpha, temperature: model.temperature };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + json.length) % 4)) % 4;
  const head = Buffer.alloc(MAGIC.length + 4 + json.length + pad, 0x20);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length + pad, MAGIC.length);
  json.copy(head, MAGIC.length + 4);
  const body = Buffer.alloc(offset);
  for (let i = 0; i < blobs.length; i++) {
    const arr = (blobs[i] as [string, Int32Array | Float32Array])[1];
    const ref = refs[i] as BlobRef;
    // Typed arrays are little-endian on every platform Node supports; copy the bytes as they are.
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(body, ref.offset);
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([head, body]));
  renameSync(tmp, path);
}

/** Reads only the header of a model file (labels, config, metadata). */
export function readModelHeader(path: string): { header: ModelHeader; buf: Buffer; bodyStart: number } {
  const buf = readFileSync(path);
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error(`${path}: not a Minsheng dispatch model file`);
  }
  const len = buf.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as ModelHeader;
  if (header.format !== 'minsheng-dispatch-classifier') throw new Error(`${path}: unknown model format ${String(header.format)}`);
  if (header.version !== MODEL_FORMAT_VERSION) {
    throw new Error(`${path}: model format version ${header.version} is not supported (expected ${MODEL_FORMAT_VERSION}); retrain the model`);
  }
  return { header, buf, bodyStart: MAGIC.length + 4 + len };
}

/** Loads a model saved by saveModel. */
export function loadModel(path: string): Classifier {
  const { header, buf, bodyStart } = readModelHeader(path);
  const blob = (name: string): Int32Array | Float32Array => {
    const ref = header.blobs.find((b) => b.name === name);
    if (!ref) throw new Error(`${path}: model file lacks the "${name}" array`);
    const start = bodyStart + ref.offset;
    const end = start + ref.length * 4;
    if (end > buf.length) throw new Error(`${path}: model file is truncated`);
    // Copy into a fresh ArrayBuffer: the Buffer's offset need not be 4-byte aligned.
    const bytes = new Uint8Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + end));
    return ref.type === 'int32' ? new Int32Array(bytes.buffer) : new Float32Array(bytes.buffer);
  };
  const f32 = (name: string): Float32Array => blob(name) as Float32Array;
  const i32 = (name: string): Int32Array => blob(name) as Int32Array;
  if (header.kind === 'linear') {
    const heads: LinearHead[] = (header.heads ?? []).map((h, i) => ({ solver: h.solver, temperature: h.temperature, mix: h.mix, weights: { w: f32(`w${i}`), b: f32(`b${i}`) } }));
    if (heads.length === 0) throw new Error(`${path}: model has no linear heads`);
    return new LinearClassifier(header.labels, header.features, i32('buckets'), f32('idf'), heads, header.meta);
  }
  if (header.kind === 'naive-bayes') {
    const nb = header.naiveBayes ?? { alpha: 1, temperature: 1 };
    return new NaiveBayesClassifier(header.labels, header.features, nb.alpha, i32('buckets'), f32('logLik'), f32('logPrior'), nb.temperature, header.meta);
  }
  throw new Error(`${path}: unknown model kind ${String(header.kind)}`);
}
