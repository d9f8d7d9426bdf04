import type { Pool } from './db/pool';
import type { CalendarStore } from './calendar/store';
import type { SmsSender } from './sms/sender';
import type { AttachmentStore } from './storage/attachments';

/** What every command needs from the outside world; built once per process, no request state. */
export interface AppContext {
  pool: Pool;
  calendar: CalendarStore;
  sms: SmsSender;
  attachments: AttachmentStore;
  /** Clock, replaceable in tests. */
  now: () => Date;
  secureCookies: boolean;
}
