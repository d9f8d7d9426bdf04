// Model files: an 8-byte magic, a little-endian uint32 header length, a JSON header (format
// version, labels, feature config, training metadata, blob table), then raw little-endian typed
// arrays, each starting on a 4-byte boundary. Loading is one file read plus array copies, cheap enough to hot-swap.
// The same bytes, gzipped, are what the server keeps in PostgreSQL (dispatch_models.model).
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig } from './features';
import { LinearClassifier, type Classifier, type LinearHead, type TrainingMeta } from './model';
import { NaiveBayesClassifier } from './naiveBayes';

const MAGIC = 'MSDISP01';
/**
 * Bumped whenever the meaning of a stored field changes; unknown versions are rejected clearly.
 * Version 2 added 8-bit weights (`q`/`s` arrays); version 1 files (float32 `w` only) still load.
 */
export const MODEL_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

type Blob = Int32Array | Float32Array | Int8Array;

interface BlobRef {
  name: string;
  type: 'int32' | 'float32' | 'int8';
  /** Byte offset in the body, and length in elements. */
  offset: number;
  length: number;
}

const blobType = (arr: Blob): BlobRef['type'] => (arr instanceof Int32Array ? 'int32' : arr instanceof Int8Array ? 'int8' : 'float32');

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

function blobsOf(model: Classifier): [string, Blob][] {
  if (model instanceof LinearClassifier) {
    const out: [string, Blob][] = [['buckets', model.buckets], ['idf', model.idfCol]];
    model.heads.forEach((h, i) => {
      if (h.quantized) out.push([`q${i}`, h.quantized.q], [`s${i}`, h.quantized.scale]);
      else out.push([`w${i}`, h.weights.w]);
      out.push([`b${i}`, h.weights.b]);
    });
    return out;
  }
  if (model instanceof NaiveBayesClassifier) return [['buckets', model.buckets], ['logLik', model.logLik], ['logPrior', model.logPrior]];
  throw new Error('saveModel: unknown classifier type');
}

/** The model file's bytes (what saveModel writes). */
export function encodeModel(model: Classifier): Buffer {
  const blobs = blobsOf(model);
  const refs: BlobRef[] = [];
  let offset = 0;
  for (const [name, arr] of blobs) {
    refs.push({ name, type: blobType(arr), offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 4) * 4;
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
    const arr = (blobs[i] as [string, Blob])[1];
    const ref = refs[i] as BlobRef;
    // Typed arrays are little-endian on every platform Node supports; copy the bytes as they are.
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(body, ref.offset);
  }
  return Buffer.concat([head, body]);
}

/** Writes a model atomically (temp file + rename) so a server never loads a half-written file. */
export function saveModel(model: Classifier, path: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, encodeModel(model));
  renameSync(tmp, path);
}

/** Gzipped model file, for the database (dispatch_models.model is bytea = gzip of the model file). */
export function serializeModel(model: Classifier): Buffer {
  return gzipSync(encodeModel(model), { level: 9 });
}

/** Reads a model from serializeModel's bytes; an uncompressed model file is accepted too. */
export function deserializeModel(buf: Buffer): Classifier {
  const isGzip = buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  let raw: Buffer;
  try {
    raw = isGzip ? gunzipSync(buf) : buf;
  } catch (e) {
    throw new Error(`stored model: corrupt gzip data (${(e as Error).message})`);
  }
  return decodeModel(raw, 'stored model');
}

/** Reads only the header of a model file (labels, config, metadata). */
export function readModelHeader(path: string): { header: ModelHeader; buf: Buffer; bodyStart: number } {
  return parseHeader(readFileSync(path), path);
}

/** Parses and checks the magic, format and version of model bytes; `path` names them in errors. */
function parseHeader(buf: Buffer, path: string): { header: ModelHeader; buf: Buffer; bodyStart: number } {
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error(`${path}: not a Minsheng dispatch model file`);
  }
  const len = buf.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + len > buf.length) throw new Error(`${path}: model file is truncated`);
  let header: ModelHeader;
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as ModelHeader;
  } catch {
    throw new Error(`${path}: model header is corrupt`);
  }
  if (header.format !== 'minsheng-dispatch-classifier') throw new Error(`${path}: unknown model format ${String(header.format)}`);
  if (!READABLE_VERSIONS.includes(header.version)) {
    throw new Error(`${path}: model format version ${header.version} is not supported (this Minsheng reads ${READABLE_VERSIONS.join(', ')}); retrain the model`);
  }
  return { header, buf, bodyStart: MAGIC.length + 4 + len };
}

/** Loads a model saved by saveModel. */
export function loadModel(path: string): Classifier {
  return decodeModel(readFileSync(path), path);
}

/** Builds a classifier from model file bytes; `path` names the source in error messages. */
export function decodeModel(bytes: Buffer, path = 'model'): Classifier {
  const { header, buf, bodyStart } = parseHeader(bytes, path);
  const blob = (name: string): Blob => {
    const ref = header.blobs.find((b) => b.name === name);
    if (!ref) throw new Error(`${path}: model file lacks the "${name}" array`);
    const width = ref.type === 'int8' ? 1 : 4;
    const start = bodyStart + ref.offset;
    const end = start + ref.length * width;
    if (end > buf.length) throw new Error(`${path}: model file is truncated`);
    // Copy into a fresh ArrayBuffer: the Buffer's offset need not be 4-byte aligned.
    const bytes = buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + end);
    return ref.type === 'int32' ? new Int32Array(bytes) : ref.type === 'int8' ? new Int8Array(bytes) : new Float32Array(bytes);
  };
  const has = (name: string): boolean => header.blobs.some((b) => b.name === name);
  const f32 = (name: string): Float32Array => blob(name) as Float32Array;
  const i32 = (name: string): Int32Array => blob(name) as Int32Array;
  if (header.kind === 'linear') {
    const K = header.labels.length;
    const heads: LinearHead[] = (header.heads ?? []).map((h, i) => {
      const head: LinearHead = { solver: h.solver, temperature: h.temperature, mix: h.mix, weights: { w: new Float32Array(0), b: f32(`b${i}`) } };
      if (has(`q${i}`)) {
        head.quantized = { q: blob(`q${i}`) as Int8Array, scale: f32(`s${i}`) };
        if (head.quantized.q.length !== K * head.quantized.scale.length) throw new Error(`${path}: model file is corrupt (weights do not match the labels)`);
      } else head.weights.w = f32(`w${i}`);
      return head;
    });
    if (heads.length === 0) throw new Error(`${path}: model has no linear heads`);
    return new LinearClassifier(header.labels, header.features, i32('buckets'), f32('idf'), heads, header.meta);
  }
  if (header.kind === 'naive-bayes') {
    const nb = header.naiveBayes ?? { alpha: 1, temperature: 1 };
    return new NaiveBayesClassifier(header.labels, header.features, nb.alpha, i32('buckets'), f32('logLik'), f32('logPrior'), nb.temperature, header.meta);
  }
  throw new Error(`${path}: unknown model kind ${String(header.kind)}`);
}
