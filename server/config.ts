import path from 'node:path';

/** Runtime configuration, read once from the environment (12-factor; nothing city-specific here). */
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
  };
}
