import type { Queryable } from '../db/pool';

/** Sends a text message to a resident. Pluggable: a city wires its SMS gateway here. */
export interface SmsSender {
  send(db: Queryable, phone: string, body: string): Promise<void>;
}

/** Development sender: keeps messages in the sms_outbox table and the log instead of sending them. */
export function outboxSmsSender(log: (msg: string) => void): SmsSender {
  return {
    async send(db, phone, body) {
      await db.query('insert into sms_outbox (phone, body) values ($1, $2)', [phone, body]);
      log(`SMS to ${phone}: ${body}`);
    },
  };
}
