import path from 'node:path';

/** Runtime configuration, read once from the environment (12-factor; the city is data, chosen by MINSHENG_CITY). */
export interface Config {
  port: number;
  host: string;
  /** Unset means: run the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Cookies are marked Secure unless explicitly running plain-HTTP development. */
  secureCookies: boolean;
  logLevel: string;
  /** Run the job worker inside this process (stateless app nodes may turn it off). */
  runWorker: boolean;
  /** The city a new database is set up for (division code or name; MINSHENG_CITY, default 阜阳市 341200). */
  city: string;
}

/** Reads the configuration from an environment (defaults: port 8080, embedded database in ./data). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MINSHENG_DATA_DIR ?? './data'),
    secureCookies: env.MINSHENG_INSECURE_COOKIES !== '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    runWorker: env.MINSHENG_WORKER !== '0',
    city: env.MINSHENG_CITY?.trim() || '341200',
  };
}
