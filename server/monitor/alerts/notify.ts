// Alert fan-out through PostgreSQL NOTIFY: every app node LISTENs on one connection (alerts/hub.ts)
// and pushes the alert to its open duty consoles. NOTIFY inside a transaction is delivered on
// commit and dropped on rollback, so a console never sees an alert that was not stored.
import type { Queryable } from '../../db/pool';

/** The channel alert ids are announced on. */
export const ALERT_CHANNEL = 'minsheng_alerts';

/** NOTIFY payloads must stay under 8000 bytes: ids are sent in chunks of this many. */
const IDS_PER_NOTIFY = 400;

/**
 * Announces that an alert changed (created, raised, or its status changed on the duty console).
 * Call inside the transaction that changed it; listeners see it after commit.
 */
export async function notifyAlertChanged(db: Queryable, alertId: string | number): Promise<void> {
  await notifyAlertsChanged(db, [alertId]);
}

/** Announces several changed alerts in as few NOTIFYs as the payload limit allows. */
export async function notifyAlertsChanged(db: Queryable, alertIds: readonly (string | number)[]): Promise<void> {
  if (alertIds.length === 0) return;
  const chunks: string[] = [];
  for (let i = 0; i < alertIds.length; i += IDS_PER_NOTIFY) chunks.push(alertIds.slice(i, i + IDS_PER_NOTIFY).join(','));
  await db.query('select pg_notify($1, c) from unnest($2::text[]) c', [ALERT_CHANNEL, chunks]);
}

/** Parses a NOTIFY payload back into alert ids (ignores anything that is not an id). */
export function parseAlertPayload(payload: string | undefined): string[] {
  if (!payload) return [];
  return payload.split(',').filter((s) => /^\d+$/.test(s));
}
