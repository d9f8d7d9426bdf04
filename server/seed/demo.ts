import crypto from 'node:crypto';
import type { StaffPrincipal } from '../auth/principal';
import { performTransition } from '../commands/transition';
import type { AppContext } from '../context';
import { createUser } from '../commands/create-user';
import { buildAcceptedAppeal, buildAssignedAppeal, buildClosedAppeal, buildInProgressAppeal, buildOverdueAppeal, buildRepliedAppeal, buildSubmittedAppeal, type Cast } from '../factories/appeals';
import { DEMO_PASSWORD, demoPasswordHash } from '../factories/people';
import { findUnitByCode, insertUnit, listUnits, type Unit } from '../repositories/units';
import { findUserByUsername } from '../repositories/users';
import { installedCity, listCategories } from '../repositories/reference';
import demo from './data/demo-units.json';
import regions from './data/regions-341200.json';
import routing from './data/demo-routing.json';
import { upsertRoutingRule } from '../repositories/dispatch';
import { importPlaces } from '../repositories/places';
import type { PlaceInput } from '../dispatch/place/placeList';
import { DEMO_PUSH_SOURCE, seedMonitorDemo } from '../monitor/seed';

/** City-level demo users: one per role (DOMAIN.md "Who uses it"). */
export const CITY_USERS = [
  { username: 'admin', role: 'admin', name: '系统管理员' },
  { username: 'operator', role: 'operator', name: '话务员小王' },
  { username: 'dispatcher', role: 'dispatcher', name: '派单员小李' },
  { username: 'supervisor', role: 'supervisor', name: '督办员老张' },
  { username: 'leader', role: 'leader', name: '分管副市长' },
  { username: 'duty', role: 'duty_officer', name: '舆情值班员' },
  { username: 'monitor', role: 'monitor', name: '人大代表监督员' },
] as const;

async function ensureUnit(ctx: AppContext, u: { code: string; name: string; kind: Unit['kind']; regionCode: string; parentId: string | null; requiresReplyReview?: boolean }): Promise<Unit> {
  const existing = await findUnitByCode(ctx.pool, u.code);
  if (existing) return existing;
  await insertUnit(ctx.pool, { id: crypto.randomUUID(), requiresReplyReview: false, ...u });
  const created = await findUnitByCode(ctx.pool, u.code);
  if (!created) throw new Error(`unit ${u.code} vanished`);
  return created;
}

async function principalOf(ctx: AppContext, username: string): Promise<{ principal: StaffPrincipal }> {
  const user = await findUserByUsername(ctx.pool, username);
  if (!user) throw new Error(`no demo user ${username}`);
  const unit = user.unitId ? (await listUnits(ctx.pool)).find((u) => u.id === user.unitId) ?? null : null;
  return { principal: { kind: 'staff', userId: user.id, username, displayName: user.displayName, role: user.role, unit } };
}

/** Builds the demo city (units, one user per role and per unit, sample appeals); returns false if it exists already. */
export async function seedDemoCity(ctx: AppContext): Promise<boolean> {
  if (await findUserByUsername(ctx.pool, 'admin')) return false;
  const other = await installedCity(ctx.pool);
  if (other && other.code !== regions.city.code) throw new Error(`the demo city is ${regions.city.name} (${regions.city.code}) but this database is set up for ${other.name} (${other.code}): run without --demo, or unset MINSHENG_CITY and use a new data directory`);
  const city = await ensureUnit(ctx, { ...demo.cityGovernment, kind: 'region', regionCode: regions.city.code, parentId: null });
  await ensureUnit(ctx, { ...demo.platform, kind: 'platform', regionCode: regions.city.code, parentId: city.id });
  for (const d of demo.departments) await ensureUnit(ctx, { ...d, kind: 'department', regionCode: regions.city.code, parentId: city.id });
  for (const e of demo.enterprises) await ensureUnit(ctx, { ...e, kind: 'enterprise', regionCode: regions.city.code, parentId: city.id });
  for (const county of regions.counties) {
    const gov = await ensureUnit(ctx, { code: county.code, name: `${county.name}人民政府`, kind: 'region', regionCode: county.code, parentId: city.id });
    for (const town of county.towns) await ensureUnit(ctx, { code: town.code, name: town.name, kind: 'region', regionCode: town.code, parentId: gov.id });
  }
  const passwordHash = await demoPasswordHash();
  for (const u of CITY_USERS) await createUser(ctx.pool, { username: u.username, passwordHash, displayName: u.name, role: u.role });
  for (const unit of await listUnits(ctx.pool)) {
    if (unit.kind === 'platform') continue;
    await createUser(ctx.pool, { username: `handler-${unit.code}`, passwordHash, displayName: `${unit.name}承办人`, role: 'handler', unitCode: unit.code });
    await createUser(ctx.pool, { username: `head-${unit.code}`, passwordHash, displayName: `${unit.name}负责人`, role: 'head', unitCode: unit.code });
  }
  await seedDemoRouting(ctx);
  await importPlaces(ctx.pool, DEMO_PLACES, false);
  await seedMonitorDemo(ctx.pool);
  await seedDemoAppeals(ctx);
  return true;
}

/** A few entries of the demo city's place list (地名库), as a city would import them. */
const DEMO_PLACES: PlaceInput[] = [
  { name: '丽景苑小区', regionCode: '341202003', kind: 'community' },
  { name: '清河路', regionCode: '341202003', kind: 'road' },
  { name: '西湖大道', regionCode: '341202103', kind: 'road' },
  { name: '幸福里小区', regionCode: '341202002', kind: 'community' },
];

/** The demo city's routing rules (admins edit them in 分派规则). */
async function seedDemoRouting(ctx: AppContext): Promise<void> {
  const categories = await listCategories(ctx.pool);
  for (const r of routing.rules) {
    const unit = 'unit' in r && r.unit ? await findUnitByCode(ctx.pool, r.unit) : null;
    if ('unit' in r && r.unit && !unit) throw new Error(`routing unit ${r.unit} missing`);
    const category = 'category' in r ? categories.find((c) => c.name === r.category && c.level === 1) : undefined;
    await upsertRoutingRule(ctx.pool, crypto.randomUUID(), {
      categoryCode: category?.code ?? null,
      regionCode: null,
      keyword: 'keyword' in r ? (r.keyword ?? null) : null,
      target: unit ? 'unit' : 'territorial',
      unitId: unit?.id ?? null,
      priority: 0,
      note: 'note' in r ? (r.note ?? null) : null,
      isActive: true,
    }, null);
  }
}

/** Sample appeals in every state, walked there through the real commands. */
async function seedDemoAppeals(ctx: AppContext): Promise<void> {
  const categories = await listCategories(ctx.pool);
  const operator = await principalOf(ctx, 'operator');
  const dispatcher = await principalOf(ctx, 'dispatcher');
  for (const [i, a] of demo.appeals.entries()) {
    const leadUnit = await findUnitByCode(ctx.pool, a.unit);
    if (!leadUnit) throw new Error(`demo unit ${a.unit} missing`);
    const cast: Cast = { operator, dispatcher, leadUnit, handler: await principalOf(ctx, `handler-${a.unit}`) };
    const opts = {
      title: a.title,
      body: a.body,
      categoryCode: categories.find((c) => c.name === a.category && c.level === 1)?.code,
      phone: `1380000${String(1000 + i).padStart(4, '0')}`,
      residentName: ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏', '孙芳', '马军', '朱红'][i] ?? '市民',
      cast,
    };
    switch (a.state) {
      case 'submitted': await buildSubmittedAppeal(ctx, opts); break;
      case 'accepted': await buildAcceptedAppeal(ctx, opts); break;
      case 'assigned': await buildAssignedAppeal(ctx, opts); break;
      case 'in_progress': await buildInProgressAppeal(ctx, opts); break;
      case 'overdue': await buildOverdueAppeal(ctx, opts); break;
      case 'replied': await buildRepliedAppeal(ctx, opts); break;
      case 'closed': await buildClosedAppeal(ctx, opts); break;
      case 'unsatisfied': {
        const { appeal } = await buildRepliedAppeal(ctx, opts);
        await performTransition(ctx, { kind: 'resident', phone: appeal.phone }, appeal.id, 'rate', { rating: 'unsatisfied', comment: '问题没有解决' });
        break;
      }
      default: throw new Error(`unknown demo state ${a.state}`);
    }
  }
}

/** Lines the start-up log and README print about demo logins. */
export function demoLoginHelp(): string[] {
  return [
    `Demo users (password: ${DEMO_PASSWORD}): ${CITY_USERS.map((u) => u.username).join(', ')}`,
    '  and for every unit handler-<unit code> / head-<unit code>, e.g. handler-cgj (城管局), head-cgj, handler-341202 (颍州区), handler-341202002 (文峰街道)',
    `Demo 舆情 push source: X-Minsheng-Source ${DEMO_PUSH_SOURCE.code}, HMAC secret ${DEMO_PUSH_SOURCE.secret}`,
  ];
}
