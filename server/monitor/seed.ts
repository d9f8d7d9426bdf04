// Monitoring defaults every installation starts with (alert rules, two example keyword schemes
// for its city) and the demo city's push source. Fixed ids make both idempotent.
import type { Queryable } from '../db/pool';
import { insertSchemeIfMissing } from '../repositories/monitor-catalog';
import { insertRule, type AlertRuleRecord } from '../repositories/monitor-rules';
import { insertSource } from '../repositories/monitor-sources';
import { installedCity } from '../repositories/reference';

/** Words whose mere presence in a relevant post is worth a red alert (极端、群体性、安全事件). */
export const DEFAULT_SENSITIVE_WORDS = [
  '自焚', '跳楼', '跳河', '喝农药', '服毒', '轻生', '自杀', '堵路', '堵门', '围堵', '拉横幅', '静坐', '集体上访', '群体性',
  '游行', '罢工', '打砸', '暴力执法', '强拆', '爆炸', '坍塌', '塌方', '踩踏', '食物中毒', '身亡', '死亡', '命案',
];

/** The default alert rules; levels rise with heat, influence and severity. */
export const DEFAULT_ALERT_RULES: Omit<AlertRuleRecord, 'createdAt' | 'updatedAt'>[] = [
  { id: '6d6f6e69-0000-4000-8000-000000000001', name: '负面舆情升温', kind: 'negative_rising', level: 'yellow', params: { minNegativity: 0.6, minHeat: 5, minGrowth: 1.2 }, isActive: true },
  { id: '6d6f6e69-0000-4000-8000-000000000002', name: '负面舆情高热', kind: 'negative_rising', level: 'orange', params: { minNegativity: 0.6, minHeat: 50, minGrowth: 1 }, isActive: true },
  { id: '6d6f6e69-0000-4000-8000-000000000003', name: '负面舆情爆发', kind: 'negative_rising', level: 'red', params: { minNegativity: 0.6, minHeat: 300, minGrowth: 1 }, isActive: true },
  { id: '6d6f6e69-0000-4000-8000-000000000004', name: '大V或认证账号负面发声', kind: 'influential_author', level: 'orange', params: { minNegativity: 0.6, minFollowers: 100_000, verifiedCounts: true }, isActive: true },
  { id: '6d6f6e69-0000-4000-8000-000000000005', name: '敏感词', kind: 'sensitive_words', level: 'red', params: { words: DEFAULT_SENSITIVE_WORDS, minNegativity: 0 }, isActive: true },
];

/** Two example schemes for the installation's city (named after it): unpaid wages and pollution. */
export const DEFAULT_SCHEMES = [
  {
    id: '6d6f6e69-0000-4000-8000-000000000101',
    name: '欠薪讨薪',
    topic: '欠薪',
    expression: '欠薪 | 拖欠工资 | 讨薪 | 讨要工资 | 不发工资 | 工资不发 | 农民工工资 | (工资 拖欠) | (工钱 拖欠)',
  },
  {
    id: '6d6f6e69-0000-4000-8000-000000000102',
    name: '环境污染',
    topic: '环境污染',
    expression: '污染 | 排污 | 偷排 | 恶臭 | 臭味 | 黑烟 | 粉尘 | 废气 | 污水 | 焚烧垃圾 | (噪音 扰民)',
  },
];

/** Default alert rules and example keyword schemes; safe to call on every start. */
export async function seedMonitorDefaults(db: Queryable): Promise<void> {
  for (const rule of DEFAULT_ALERT_RULES) await insertRule(db, rule);
  const city = await installedCity(db);
  if (!city) throw new Error('seedMonitorDefaults: no city region is loaded (seed the reference data first)');
  const place = city.name.replace(/市$/, '');
  for (const scheme of DEFAULT_SCHEMES) await insertSchemeIfMissing(db, { ...scheme, name: `${scheme.name}（${place}）`, regionCode: city.code });
}

/** The demo city's push source: code and secret are printed here on purpose (demo only). */
export const DEMO_PUSH_SOURCE = {
  id: '6d6f6e69-0000-4000-8000-000000000201',
  code: 'demo-push',
  name: '演示推送源',
  secret: 'minsheng-demo-push-secret',
} as const;

/** Creates the demo push source (demo city only); idempotent. */
export async function seedMonitorDemo(db: Queryable): Promise<void> {
  await insertSource(
    db,
    DEMO_PUSH_SOURCE.id,
    { code: DEMO_PUSH_SOURCE.code, name: DEMO_PUSH_SOURCE.name, kind: 'push', platform: null, feedUrl: null, pollSeconds: 300, isActive: true },
    DEMO_PUSH_SOURCE.secret,
  );
}
