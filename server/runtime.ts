import fs from 'node:fs';
import path from 'node:path';
import { CalendarStore } from './calendar/store';
import type { Config } from './config';
import type { AppContext } from './context';
import { ensureDatabase, startEmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { seedReferenceData } from './seed/reference';
import { seedMonitorDefaults } from './monitor/seed';
import { outboxSmsSender } from './sms/sender';
import { fileAttachmentStore } from './storage/attachments';

/** A ready context (database up, migrated, reference data present) and how to shut it down. */
export interface Runtime {
  ctx: AppContext;
  databaseUrl: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database named by DATABASE_URL, or starts the embedded PostgreSQL in the data
 * directory, then migrates and loads reference data.
 */
export async function openRuntime(config: Config, log: (msg: string) => void): Promise<Runtime> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  let stopEmbedded: (() => Promise<void>) | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'));
    stopEmbedded = embedded.stop;
    url = await ensureDatabase(embedded.url, 'minsheng');
    log(`embedded PostgreSQL 18 running with its data in ${path.join(config.dataDir, 'pg')}`);
  }
  const pool = createPool(url);
  try {
    const applied = await migrate(pool);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    await seedReferenceData(pool, { city: config.city });
    // Default alert rules and example keyword schemes (tests start without them, to set their own).
    await seedMonitorDefaults(pool);
  } catch (err) {
    await pool.end();
    await stopEmbedded?.();
    throw err;
  }
  const ctx: AppContext = {
    pool,
    calendar: new CalendarStore(),
    sms: outboxSmsSender(log),
    attachments: fileAttachmentStore(path.join(config.dataDir, 'attachments')),
    now: () => new Date(),
    secureCookies: config.secureCookies,
  };
  return {
    ctx,
    databaseUrl: url,
    isEmbedded: !!stopEmbedded,
    async close() {
      await pool.end();
      await stopEmbedded?.();
    },
  };
}
