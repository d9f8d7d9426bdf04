import { PHONE_PATTERN } from '../../shared/domain';
import type { Queryable } from '../db/pool';
import { enqueueJob } from '../jobs/enqueue';
import { insertNotification } from '../repositories/notifications';

/** Tells a unit about an appeal (inbox row, in the caller's transaction). */
export async function notifyUnit(db: Queryable, appealId: string, unitId: string, kind: string, message: string, at: Date): Promise<void> {
  await insertNotification(db, { appealId, recipientUnitId: unitId, kind, message }, at);
}

/** Tells a resident by SMS; the text goes out through the job queue after commit. */
export async function notifyResident(db: Queryable, appealId: string, phone: string, kind: string, message: string, at: Date): Promise<void> {
  await insertNotification(db, { appealId, recipientPhone: phone, kind, message }, at);
  // Appeals made from monitored posts carry a placeholder, not a phone: nobody to text.
  if (!PHONE_PATTERN.test(phone)) return;
  await enqueueJob(db, 'send_sms', { phone, body: message });
}
