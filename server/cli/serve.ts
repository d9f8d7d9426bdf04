import pino from 'pino';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { startWorker } from '../jobs/worker';
import { openRuntime } from '../runtime';
import { demoLoginHelp, seedDemoCity } from '../seed/demo';

/** Starts the server: database, migrations, optional demo city, job worker, HTTP. Stops cleanly on SIGINT/SIGTERM. */
export async function serve(opts: { demo: boolean }): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const rt = await openRuntime(config, (m) => log.info(m));
  if (opts.demo && (await seedDemoCity(rt.ctx))) log.info('demo city 阜阳市 created');
  const worker = config.runWorker ? await startWorker(rt.ctx, (level, m) => log.warn({ level }, m)) : null;
  const app = await buildApp(rt.ctx, { logger: { level: config.logLevel } });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  process.stdout.write(`\nMinsheng 民声 is running at ${url}\n  API docs: ${url}/api/docs\n`);
  if (opts.demo) for (const line of demoLoginHelp()) process.stdout.write(`  ${line}\n`);
  process.stdout.write('\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down');
    await app.close();
    await worker?.stop();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
