// The danger lexicon (危险情形词表): what in an appeal's text means danger to life or property and
// so makes it urgent (紧急). Plain data — regular-expression sources in Chinese — so a city can read
// it, and extend it (extendLexicon) from its settings without touching code. Each category says
// what harm it threatens; `exclude` lists phrases that, in the same sentence, mean the words are
// not a present danger (演练, 宣传, 隐患 in the abstract).

/** One kind of danger. */
export interface DangerCategory {
  /** Stable code, e.g. "gas". */
  code: string;
  /** Chinese name used in the reason: 涉及<name>. */
  name: string;
  /** What is at risk. */
  harm: '生命安全' | '财产安全' | '生命财产安全';
  /** Regex sources; a match is a candidate danger. */
  patterns: string[];
  /** Regex sources; a match in the same sentence cancels this category there. */
  exclude?: string[];
  /**
   * Whether "一旦/万一/如果 …" before the words cancels them. True for events (fire, explosion) that
   * residents often only imagine; false for states whose risk is the point (随时可能倒塌).
   */
  hypotheticalCancels?: boolean;
}

const GAS = '(?:燃气|煤气|天然气|液化气|瓦斯)';
const FIRE_ROUTE = '(?:消防通道|消防车道|安全出口|疏散通道|逃生通道|生命通道|消防登高面)';

/** The shipped categories (see README.md for the reasoning behind each). */
export const DEFAULT_DANGER_CATEGORIES: readonly DangerCategory[] = [
  {
    code: 'gas',
    name: '燃气泄漏',
    harm: '生命安全',
    // A pungent smell alone (刺鼻的气味) is usually pollution, not gas: only gas words count.
    patterns: [`${GAS}(?:管道?|罐|瓶|阀门?|表|灶)?[^，。,]{0,4}(?:泄漏|泄露|漏气|外泄|漏了)`, `${GAS}(?:的)?气?味`],
    exclude: ['燃气费', '燃气公司收费', '开通燃气', '安装燃气', '燃气灶具推销'],
    hypotheticalCancels: true,
  },
  {
    code: 'fire',
    name: '火灾',
    harm: '生命财产安全',
    patterns: ['着火', '起火', '失火', '火灾', '大火', '火情', '火势', '烧起来', '浓烟', '烧毁', '烧伤', '烧死'],
    exclude: ['火灾隐患', '消防隐患', '防火', '消防演练', '消防宣传', '消防检查', '消防培训', '灭火器', '火灾报警器', '烟囱', '油烟', '烟花'],
    hypotheticalCancels: true,
  },
  {
    code: 'fire-route',
    name: '消防通道堵塞',
    harm: '生命安全',
    patterns: [
      `${FIRE_ROUTE}[^，。,]{0,8}(?:堵|占|阻塞|停满|停放|停车|锁|封|不通|无法通行|挡|堆|摆)`,
      `(?:堵|占用|占据|占道|阻塞|停满|锁死|封死|堆放|霸占|挡住)[^，。,]{0,6}${FIRE_ROUTE}`,
      `(?:没有|缺少|无)${FIRE_ROUTE}`,
      '消防车(?:开不进|进不来|进不去|无法进入)',
    ],
    exclude: ['消防演练', `${FIRE_ROUTE}(?:已经?|已被)(?:清理|疏通|畅通)`],
  },
  {
    code: 'collapse',
    name: '坍塌',
    harm: '生命财产安全',
    patterns: [
      '坍塌', '塌陷', '倒塌', '垮塌', '塌方', '塌了', '垮了', '摇摇欲坠', '危房',
      '随时(?:可能|会|都会)?(?:倒|塌|垮)',
      '(?:墙体?|楼房?|房屋|房子|天花板|吊顶|屋顶|楼板|承重墙|桥梁?|围墙|挡土墙|护坡|山体)[^，。,]{0,6}(?:开裂|裂缝|裂开|倾斜|下沉|松动)',
    ],
    exclude: ['采煤塌陷', '塌陷区', '塌陷地', '危房改造'],
  },
  {
    code: 'falling',
    name: '高空坠物',
    harm: '生命安全',
    patterns: ['高空坠物', '高空抛物', '(?:外墙|墙皮|瓷砖|玻璃|广告牌|招牌|窗户?|空调外机)[^，。,]{0,4}(?:脱落|掉落|坠落|掉下|砸)'],
  },
  {
    code: 'electric',
    name: '触电危险',
    harm: '生命安全',
    patterns: [
      '(?:电线|电缆|高压线|电线杆|线杆)[^，。,]{0,6}(?:断了|断落|掉落|掉在|落地|垂到|低垂|裸露|漏电|拖地|倒了|搭在)',
      '漏电', '触电', '被电(?:到|击|伤|死)', '电死',
      '(?:变压器|配电箱|电表箱|电箱)[^，。,]{0,4}(?:冒烟|起火|爆炸|漏电|打火)',
    ],
    exclude: ['漏电保护'],
    hypotheticalCancels: true,
  },
  {
    code: 'manhole',
    name: '井盖缺失',
    harm: '生命安全',
    patterns: [
      '(?:井盖|窨井盖|下水道盖|雨水篦子?|水篦子)[^，。,]{0,6}(?:丢失|缺失|被盗|被偷|没了|不见|破损|破裂|碎了|坏了|塌陷|松动|翻转|移位)',
      '(?:没有|无|缺少?)井盖',
    ],
  },
  {
    code: 'drowning',
    name: '溺水危险',
    harm: '生命安全',
    patterns: ['溺水', '溺亡', '淹死', '掉进(?:水|河|塘|池|坑)', '(?:池塘|水塘|河道?|水库|深坑|基坑|粪池|化粪池)[^，。,]{0,10}(?:没有|无|缺少)(?:护栏|围栏|警示)'],
    exclude: ['防溺水', '溺水宣传', '防止溺水'],
  },
  {
    code: 'tree',
    name: '树木倒伏',
    harm: '生命财产安全',
    patterns: ['(?:大树|树木|树干|枯树|古树|树枝|行道树)[^。！？]{0,12}(?:倒塌|倒下|倒伏|快倒|要倒|倾倒|歪倒|倒了|断裂|折断|砸)', '树[^，。,]{0,2}随时(?:可能|会)?(?:倒|断)'],
  },
  {
    code: 'elevator',
    name: '电梯困人或坠落',
    harm: '生命安全',
    patterns: ['电梯[^，。,]{0,8}(?:困人|被困|关人|卡住人|坠落|下坠|溜梯|冲顶|蹲底|突然(?:下滑|下降|坠))', '(?:困在|被困在|关在)电梯'],
  },
  {
    code: 'flood',
    name: '水淹进屋',
    harm: '生命财产安全',
    patterns: [
      '(?:雨水|污水|积水|洪水|河水)[^，。,]{0,6}(?:淹|漫|灌|倒灌|涌)[^，。,]{0,4}(?:家|屋|房|室内|车库|地下室|一楼)',
      '(?:房屋|家里|屋里|一楼|车库|地下室)[^，。,]{0,4}(?:被淹|进水|淹了|水淹)',
      '山洪', '决堤', '溃堤', '漫堤', '管涌',
    ],
    exclude: ['防汛演练', '防汛宣传'],
  },
  {
    code: 'chemical',
    name: '化学品泄漏或中毒',
    harm: '生命安全',
    patterns: ['(?:化学品|危化品|危险品|有毒气体|毒气|氨气|氯气|硫化氢|化工)[^，。,]{0,6}(?:泄漏|泄露|外泄|扩散)', '中毒', '窒息'],
    exclude: ['中毒宣传', '防中毒', '慢性中毒', '洗脑'],
  },
  {
    code: 'explosion',
    name: '爆炸',
    harm: '生命财产安全',
    patterns: ['爆炸(?!性|式)', '爆燃', '闪爆', '炸了'],
    exclude: ['信息爆炸', '炸了锅'],
    hypotheticalCancels: true,
  },
  { code: 'stampede', name: '踩踏', harm: '生命安全', patterns: ['踩踏(?:事件|事故)', '发生踩踏', '人群踩踏', '挤伤', '挤倒'], hypotheticalCancels: true },
  {
    code: 'violence',
    name: '暴力或人身威胁',
    harm: '生命安全',
    patterns: [
      '打人', '殴打', '被(?:人)?打(?:伤|死|残|了|得|成)', '持刀', '拿刀', '砍人', '砍伤', '行凶', '捅伤', '施暴', '家暴', '家庭暴力', '暴力执法', '打砸',
      '(?:威胁|恐吓)(?:我|我们|他|她|家人|要|说)', '扬言要?(?:杀|砍|报复|弄死|打)', '要杀', '弄死', '报复社会',
    ],
    exclude: ['打人工', '打人情'],
  },
  { code: 'trapped', name: '人员被困', harm: '生命安全', patterns: ['被困(?!扰)', '困在(?!这)', '被锁在'] },
  {
    code: 'casualty',
    name: '已有人员伤亡',
    harm: '生命安全',
    patterns: ['(?:有人|已有人|多人|人员|路人|行人|老人|小孩|孩子|学生)[^，。,]{0,3}(?:受伤|伤亡|死亡|身亡|遇难|摔伤|摔死|砸伤)'],
  },
  {
    code: 'suicide',
    name: '轻生言行',
    harm: '生命安全',
    patterns: ['自杀', '轻生', '跳楼(?!价)', '跳河', '寻死', '不想活', '活不下去', '喝农药', '割腕', '同归于尽', '以死相逼', '一死了之'],
  },
];

/** A city's extra categories: same codes add patterns/exclusions, new codes add categories. */
export function extendLexicon(base: readonly DangerCategory[], extra: readonly DangerCategory[]): DangerCategory[] {
  const out = base.map((c) => ({ ...c, patterns: [...c.patterns], exclude: [...(c.exclude ?? [])] }));
  for (const e of extra) {
    const same = out.find((c) => c.code === e.code);
    if (!same) out.push({ ...e, patterns: [...e.patterns], exclude: [...(e.exclude ?? [])] });
    else {
      same.patterns.push(...e.patterns);
      same.exclude.push(...(e.exclude ?? []));
    }
  }
  return out;
}
