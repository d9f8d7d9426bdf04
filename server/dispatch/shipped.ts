/**
 * The starter category model shipped with Minsheng (trained on public labelled messages, see
 * model/SOURCE.md). A city starts with it so suggestions work on day one; the nightly retraining
 * replaces it with the city's own model once enough appeals are settled.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Queryable } from '../db/pool';
import { hasModel, insertModel } from '../repositories/dispatch';
import { deserializeModel } from './classifier/index';

export const SHIPPED_CATEGORY_MODEL = new URL('./model/category-teddycup.bin', import.meta.url);

/** Stores the shipped model if the city never had a category model; true when it did. */
export async function installShippedModel(db: Queryable, file: URL = SHIPPED_CATEGORY_MODEL): Promise<boolean> {
  if (!fs.existsSync(file) || (await hasModel(db, 'category'))) return false;
  const bytes = fs.readFileSync(file);
  const model = deserializeModel(bytes);
  await insertModel(db, { id: crypto.randomUUID(), kind: 'category', bytes, rows: model.meta.rows, metrics: model.meta.metrics ?? null, source: 'shipped:teddycup2020-c' });
  return true;
}
