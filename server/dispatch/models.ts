/**
 * Trained models live in PostgreSQL (dispatch_models), so any app node can serve them and a new
 * model reaches every node without a restart: each node remembers the active model's id and asks
 * the database at most every few seconds whether it changed (a one-row index lookup), then loads
 * and warms the new one before swapping it in. Requests never wait for a load they don't need.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/pool';
import { activeModelId, insertModel, loadModelBytes } from '../repositories/dispatch';
import { deserializeModel, serializeModel, type Classifier } from './classifier/index';

export type ModelKind = 'category' | 'unit';

const CHECK_EVERY_MS = 5_000;

interface Slot {
  id: string | null;
  model: Classifier | null;
  checkedAt: number;
  loading: Promise<void> | null;
}

/** Per-process cache of the active model of each kind. */
export class ModelStore {
  private readonly slots = new Map<ModelKind, Slot>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** The active model of a kind with its id, or null when the city has none. */
  async get(db: Queryable, kind: ModelKind): Promise<{ id: string; model: Classifier } | null> {
    const slot = this.slots.get(kind) ?? { id: null, model: null, checkedAt: -Infinity, loading: null };
    this.slots.set(kind, slot);
    if (this.clock() - slot.checkedAt >= CHECK_EVERY_MS) {
      slot.loading ??= this.refresh(db, kind, slot).finally(() => {
        slot.loading = null;
      });
      // The first load must finish; later swaps happen while the old model keeps answering.
      if (!slot.model) await slot.loading;
    }
    return slot.model && slot.id ? { id: slot.id, model: slot.model } : null;
  }

  /** Forgets what was checked, so the next call asks the database (after an install on this node). */
  invalidate(): void {
    for (const slot of this.slots.values()) slot.checkedAt = -Infinity;
  }

  private async refresh(db: Queryable, kind: ModelKind, slot: Slot): Promise<void> {
    const id = await activeModelId(db, kind);
    slot.checkedAt = this.clock();
    if (id === slot.id) return;
    if (!id) {
      slot.id = null;
      slot.model = null;
      return;
    }
    const bytes = await loadModelBytes(db, id);
    if (!bytes) return;
    const model = deserializeModel(bytes);
    model.warm();
    slot.model = model;
    slot.id = id;
  }
}

/** Stores a trained model as the active one of its kind; returns its id. */
export async function installModel(db: Queryable, kind: ModelKind, model: Classifier, source: string): Promise<string> {
  const id = crypto.randomUUID();
  await insertModel(db, { id, kind, bytes: serializeModel(model), rows: model.meta.rows, metrics: model.meta.metrics ?? null, source });
  return id;
}
