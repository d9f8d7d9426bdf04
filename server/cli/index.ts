import fs from 'node:fs';
import { Command } from 'commander';
import { ROLES, type Role } from '../../shared/domain';
import { importCalendarYear } from '../commands/calendar';
import { createUser } from '../commands/create-user';
import { loadConfig } from '../config';
import { AppError } from '../errors';
import { openRuntime, type Runtime } from '../runtime';
import { seedDemoCity } from '../seed/demo';
import { registerDispatchCommands } from '../dispatch/cli';
import { registerClusterCommands } from '../dispatch/cluster/cli';
import { registerPlaceCommand } from '../dispatch/place/cli';
import { PlaceListError } from '../dispatch/place/placeList';
import { importPlaceList } from '../commands/places';
import { registerMonitorCommands } from '../monitor/cli';
import { serve } from './serve';

const say = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(), say);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** The `minsheng` command: the server and the administrators' tasks. */
export function buildProgram(): Command {
  const program = new Command('minsheng').description('Minsheng 民声 — the online mass line platform').showHelpAfterError();
  program
    .command('serve')
    .description('run the API server and job worker (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--demo', 'build the demo city (阜阳市) on first start')
    .action(async (opts: { demo?: boolean }) => serve({ demo: !!opts.demo }));
  program
    .command('migrate')
    .description('apply pending database migrations and reference data')
    .action(() => withRuntime(async () => say('database is up to date')));
  program
    .command('seed')
    .description('build the demo city (units, users, sample appeals) if it is not there yet')
    .action(() => withRuntime(async (rt) => say((await seedDemoCity(rt.ctx)) ? 'demo city created' : 'demo city already present')));
  const user = program.command('user').description('staff accounts');
  user
    .command('create')
    .requiredOption('--username <name>')
    .requiredOption('--password <password>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <display name>')
    .option('--unit <unit code>')
    .action((o: { username: string; password: string; role: string; name?: string; unit?: string }) =>
      withRuntime(async (rt) => {
        if (!(ROLES as readonly string[]).includes(o.role)) throw new AppError(400, 'VALIDATION_FAILED', `role: must be one of ${ROLES.join(', ')}`);
        const id = await createUser(rt.ctx.pool, { username: o.username, password: o.password, displayName: o.name ?? o.username, role: o.role as Role, unitCode: o.unit ?? null });
        say(`created user ${o.username} (${id})`);
      }),
    );
  const calendar = program.command('calendar').description('the working-day calendar');
  calendar
    .command('import')
    .argument('<file>', 'a year of holidays in holiday-cn JSON format')
    .description('load a year the State Council announced; provisional deadlines are recomputed')
    .action((file: string) =>
      withRuntime(async (rt) => {
        const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        const r = await importCalendarYear(rt.ctx, json, `file:${file}`, null);
        say(`loaded ${r.year} (${r.days} listed days); ${r.recomputed} provisional deadlines recomputed`);
      }),
    );
  const places = program.command('places').description('the city’s own place list (地名库) the place extractor reads');
  places
    .command('import')
    .argument('<file>', 'UTF-8 CSV with columns 名称, 类型 (道路/小区/地标/村/乡镇), 区域 (code, name or 县区/乡镇)')
    .option('--replace', 'remove every place not in the file')
    .description('load places; all or nothing, the first bad line is named')
    .action((file: string, o: { replace?: boolean }) =>
      withRuntime(async (rt) => {
        try {
          const r = await importPlaceList(rt.ctx.pool, fs.readFileSync(file, 'utf8'), o.replace === true);
          say(`${r.received} places read, ${r.added} new; the list now has ${r.total}`);
        } catch (e) {
          if (e instanceof PlaceListError) throw new AppError(400, 'VALIDATION_FAILED', `${file}: ${e.message}`);
          throw e;
        }
      }),
    );
  registerDispatchCommands(program);
  registerPlaceCommand(program);
  registerClusterCommands(program);
  registerMonitorCommands(program);
  return program;
}

/** Runs the program; errors print their message and exit non-zero. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    say(`error: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
