// Hand-written lexicon for public-affairs text. The review corpora the linear model learns from
// never mention wage arrears, illegal buildings or buck-passing officials, so these cues are
// added on top of the model as log-odds offsets (see negativity-model.ts). Weights are in logit units:
// +1.0 multiplies the odds of "negative" by e. Written by the Minsheng team; no external source.

/** Complaint vocabulary of citizen appeals (positive weight = more negative). */
const COMPLAINT: Record<string, number> = {
  // Wages, fees and money.
  拖欠: 1.5, 欠薪: 1.5, 讨薪: 1.2, 克扣: 1.2, 血汗钱: 1.0, 乱收费: 1.5, 乱罚款: 1.5, 有偿补课: 1.0,
  霸王条款: 1.2, 欺诈: 1.2, 诈骗: 1.0, 骗: 0.8, 坑害: 1.2, 黑心: 1.2, 坑: 0.6,
  // Officials not doing their job.
  不作为: 1.5, 乱作为: 1.5, 推诿: 1.5, 推脱: 1.2, 踢皮球: 1.5, 敷衍: 1.2, 扯皮: 1.2, 刁难: 1.2,
  不管不问: 1.5, 置之不理: 1.5, 不闻不问: 1.5, 视而不见: 1.2, 熟视无睹: 1.2, 没人管: 1.5, 无人管: 1.5,
  谁来管: 1.2, 无人问津: 1.2, 投诉无门: 2.0, 求助无门: 2.0, 石沉大海: 1.5, 不了了之: 1.5, 解决不了: 1.0,
  形同虚设: 1.2, 避重就轻: 1.2, 拒不: 1.2, 拒之门外: 1.2, 一拖再拖: 1.5, 拖延: 1.0, 迟迟: 0.8, 至今未: 1.0,
  错误执法: 1.2, 以权谋私: 1.5, 吃拿卡要: 1.5, 腐败: 1.2, 贪污: 1.2, 受贿: 1.2,
  // Living environment and safety.
  扰民: 1.5, 噪音: 1.0, 噪声: 1.0, 轰鸣: 0.8, 夜间施工: 1.0, 污染: 1.0, 臭: 0.8, 恶臭: 1.2, 臭气: 1.2,
  异味: 0.8, 扬尘: 0.8, 偷排: 1.2, 直排: 1.0, 焚烧: 0.8, 雾霾: 0.6, 脏乱差: 1.2, 垃圾成堆: 1.0,
  堆积如山: 1.0, 乱扔: 0.8, 乱倒: 0.8, 占用: 0.8, 占道: 1.0, 乱停: 0.8, 乱摆: 0.8, 违建: 1.2,
  违章建筑: 1.2, 私搭乱建: 1.2, 强拆: 1.2, 霸占: 1.2, 侵占: 1.2, 黑车: 1.0, 超载: 0.8, 安全隐患: 1.0,
  隐患: 0.6, 险象环生: 1.2, 提心吊胆: 1.0, 事故: 0.5, 身亡: 0.8, 停水: 0.6, 停电: 0.6, 漏水: 0.8,
  积水: 0.6, 破损: 0.8, 损坏: 0.8, 失修: 1.0, 坑洼: 1.0, 坑坑洼洼: 1.0, 拥堵: 0.8, 堵车: 0.8,
  偷工减料: 1.5, 豆腐渣: 1.5, 出行难: 1.0, 看病难: 1.0, 上学难: 1.0, 停车难: 0.8, 困扰: 0.6,
  // Rule-breaking and coercion.
  违规: 0.8, 违法: 0.8, 违反: 0.8, 非法: 0.8, 涉嫌: 0.6, 强行: 1.0, 侵害: 1.0, 损害: 0.8, 殴打: 1.2,
  打人: 1.2, 威胁: 1.0, 恐吓: 1.2, 报复: 1.0, 欺负: 1.0, 欺压: 1.2, 不公: 1.2,
  // Feelings and rhetorical protest.
  苦不堪言: 1.5, 忍无可忍: 1.5, 怨声载道: 1.5, 严重影响: 1.0, 气愤: 1.2, 愤怒: 1.2, 寒心: 1.2,
  失望: 1.0, 无奈: 0.8, 无语: 0.8, 不满: 1.2, 冤: 0.8, 质疑: 0.8, 难道: 0.8, 凭什么: 1.2, 何在: 1.0,
  岂能: 0.8, 怎么可以: 0.8, 谁的责任: 1.0, 合理吗: 0.8, 反对: 0.8, 抗议: 1.0, 投诉: 0.6, 举报: 0.6,
  强烈要求: 1.0, 维权: 0.8, 上访: 0.6, 申诉: 0.6, 做主: 0.6, 作主: 0.6,
};

/** Neutral or friendly cues: thanks, praise, suggestions and questions (negative weight). */
const FRIENDLY: Record<string, number> = {
  // Thanks and praise; plain "谢谢" is weaker because complaints often close with it politely.
  感谢: -1.0, 谢谢: -0.6, 点赞: -1.2, 表扬: -1.5, 称赞: -1.0, 辛苦了: -0.8, 锦旗: -1.2, 建议: -0.4,
};

/** Consultation cues: the review corpora read "请问…？" as a complaint, appeals mostly do not. */
const CONSULT: Record<string, number> = {
  咨询: -1.0, 请问: -1.2, 请教: -0.8, 想了解: -0.6, 想知道: -0.6, 如何办理: -0.8,
  怎么办理: -0.8, 怎样办理: -0.8, 如何申请: -0.8, 怎么申请: -0.8, 怎么补办: -0.8, 哪里办: -0.8,
  需要哪些: -0.6, 需要什么: -0.4, 是否可以: -0.4, 可以吗: -0.5, 具体政策: -0.6, 相关政策: -0.4,
};

/** Positive words that become a complaint after 不/没/未/无 ("没有及时处理", "未落实"). */
const NEGATABLE = [
  '满意', '解决', '处理', '落实', '回复', '答复', '及时', '到位', '合理', '公平', '公正', '规范', '负责',
  '理睬', '理会', '重视', '兑现', '安全', '方便', '作为', '管理', '好', '整改', '执行', '受理', '合法',
  '符合', '平等', '稳定', '理解', '补偿', '赔偿', '退还', '通', '修', '达标', '合格', '公开', '透明', '监管',
];
const NEGATED_WEIGHT = 1.0;
/** How far (in characters) a negator reaches: "未得到解决", "一直没有得到处理". */
const NEGATION_REACH = 4;

const NEGATOR_CODES = new Set([...'不没未无'].map((c) => c.charCodeAt(0)));
// Words that start with a negator character but do not negate what follows.
const NOT_NEGATORS = new Set(['不仅', '不断', '不少', '不错', '不久', '不过', '不但', '不同', '不管', '不论', '不如', '不得不', '不就', '不然', '不好意思', '未来', '无论', '无关', '无偿', '无数']);
const BREAK_CODES = new Set([...'，。！？；：,.!?;:\n、'].map((c) => c.charCodeAt(0)));

/** Lexicon entry class: complaint cue, friendly cue, consultation cue or negated positive word. */
export type LexiconKind = 'complaint' | 'friendly' | 'consult' | 'negated';

/** One lexicon match, as shown in explanations. */
export interface LexiconHit {
  /** The matched text, e.g. "扰民" or "没有及时" for a negated positive word. */
  term: string;
  kind: LexiconKind;
  weight: number;
}

interface Entry {
  term: string;
  kind: 'complaint' | 'friendly' | 'consult' | 'negatable';
  weight: number;
}

// Entries indexed by first character, longest first, so a scan does one Map lookup per
// character and prefers "投诉无门" over "投诉".
const BY_FIRST = new Map<number, Entry[]>();
function addEntry(e: Entry): void {
  const first = e.term.charCodeAt(0);
  const list = BY_FIRST.get(first) ?? [];
  list.push(e);
  list.sort((a, b) => b.term.length - a.term.length);
  BY_FIRST.set(first, list);
}
for (const [term, weight] of Object.entries(COMPLAINT)) addEntry({ term, kind: 'complaint', weight });
for (const [term, weight] of Object.entries(FRIENDLY)) addEntry({ term, kind: 'friendly', weight });
for (const [term, weight] of Object.entries(CONSULT)) addEntry({ term, kind: 'consult', weight });
for (const term of NEGATABLE) addEntry({ term, kind: 'negatable', weight: NEGATED_WEIGHT });

/** Length of a non-negating word ("不仅", "未来") starting at i, or 0. */
function notNegatorAt(text: string, i: number): number {
  for (let len = 4; len >= 2; len--) if (NOT_NEGATORS.has(text.slice(i, i + len))) return len;
  return 0;
}

/** Finds lexicon hits in normalised text (longest match, each distinct term counted once). */
export function lexiconHits(norm: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const seen = new Set<string>();
  let negatorAt = -1;
  let i = 0;
  while (i < norm.length) {
    const code = norm.charCodeAt(i);
    if (BREAK_CODES.has(code)) negatorAt = -1;
    const entry = BY_FIRST.get(code)?.find((e) => norm.startsWith(e.term, i));
    if (entry) {
      let hit: LexiconHit | undefined;
      if (entry.kind !== 'negatable') {
        hit = { term: entry.term, kind: entry.kind, weight: entry.weight };
      } else if (negatorAt >= 0 && i - negatorAt <= NEGATION_REACH) {
        // The negator is spent: "没有及时处理" is one negated statement, not two.
        hit = { term: norm.slice(negatorAt, i + entry.term.length), kind: 'negated', weight: entry.weight };
        negatorAt = -1;
      }
      if (hit && !seen.has(hit.kind === 'negated' ? '¬' + entry.term : hit.term)) {
        seen.add(hit.kind === 'negated' ? '¬' + entry.term : hit.term);
        hits.push(hit);
      }
      i += entry.term.length;
      continue;
    }
    if (NEGATOR_CODES.has(code)) {
      const skip = notNegatorAt(norm, i);
      if (skip > 0) {
        i += skip;
        continue;
      }
      negatorAt = i;
    }
    i++;
  }
  return hits;
}

/** Cap on the lexicon's total offset, so a long list of grievances cannot swamp the model. */
export const LEXICON_CAP = 4;

/** Sums hit weights into the capped log-odds offset added to the model's logit. */
export function lexiconOffset(hits: readonly LexiconHit[]): number {
  let sum = 0;
  for (const h of hits) sum += h.weight;
  return Math.max(-LEXICON_CAP, Math.min(LEXICON_CAP, sum));
}

/**
 * True for a consultation: a consultation cue (请问, 咨询, 如何办理 …) and no complaint cue. The
 * review corpora taught the model that questions are complaints ("请问为什么还没送到？"), so for
 * consultations its push towards "negative" is not trusted (see NegativityModel). A bare "？" or
 * "吗" is not enough: tried, it cost 1.5 points on the review split, where such posts complain.
 */
export function isConsultation(hits: readonly LexiconHit[]): boolean {
  let consult = false;
  for (const h of hits) {
    if (h.kind === 'complaint' || h.kind === 'negated') return false;
    if (h.kind === 'consult') consult = true;
  }
  return consult;
}
