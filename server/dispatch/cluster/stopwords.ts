// Words that say nothing about which problem an appeal is about: function words, and the
// courtesy and petition phrases every appeal repeats ("尊敬的领导", "希望尽快解决"). Kept generic
// (no place or topic of any particular city), so the list carries over to another city's data.

const FUNCTION_WORDS = `
的 了 和 与 及 或 是 在 有 我 你 他 她 它 我们 你们 他们 她们 自己 大家 这 那 这个 那个 这些 那些 这里 那里
这样 那样 这种 那种 什么 怎么 怎么办 怎样 如何 为什么 为何 哪里 哪些 多少 几 谁 吗 呢 吧 啊 呀 哦 嘛 么
就 都 也 还 又 再 才 已 已经 曾经 正在 一直 一定 一些 一下 一个 一次 一样 一起 一般 一切 所有 每 每个 各 各位
把 被 让 给 对 对于 关于 向 从 到 往 由 于 以 以及 而 而且 但 但是 可是 然而 因为 所以 因此 如果 虽然 只是
并 并且 然后 同时 或者 还是 不过 不是 没有 不能 不会 可以 能够 应该 应当 需要 必须 可能 能 会 要 想 得 地 着 过
很 非常 特别 十分 比较 更 最 太 真 真的 确实 实在 完全 根本 甚至 尤其 其中 其他 其它 另外 此外 以上 以下
之 其 该 此 某 本 等 等等 之后 之前 以后 以前 目前 现在 当时 当前 今年 去年 明年 今天 昨天 时候 时间
上 下 中 里 内 外 前 后 左右 之间 方面 情况 问题 事情 事项 有关 相关 进行 开始 出现 存在 导致 造成 作为
一 二 三 四 五 六 七 八 九 十 百 千 万 第 个 年 月 日 号 天 次 位 名 人 些 点 多 少 大 小 新 老
`;

const PETITION_WORDS = `
尊敬 尊敬的 领导 领导们 书记 市长 县长 区长 局长 主任 同志 您好 你好 谢谢 感谢 辛苦 辛苦了 此致 敬礼 恳请 恳求
请问 请 希望 望 盼望 期望 强烈 强烈要求 要求 请求 呼吁 建议 咨询 反映 反应 投诉 举报 求助 留言 回复 答复 关注
重视 解决 处理 尽快 早日 及时 给予 帮助 帮忙 协调 落实 调查 核实 查处 督促 监督 过问 支持 理解 关心
政府 相关 部门 相关部门 有关部门 有关 职能部门 单位 市民 居民 群众 老百姓 百姓 业主 网友 本人 笔者 我家 家里
一下 谢谢您 万分 感激 无奈 只能 不得不 只好 现象 严重 非常严重 影响 生活 正常 合理 合法 权益 利益
附近 旁边 周边 周围 一带 加快 加大 力度 进一步 有何 何时 何日 什么时候 能否 是否 可否 能不能 可不可以 为何 怎么样 问问 再次 多次 一再 依然 仍然 至今
`;

/** Stop-words as a set; every feature and keyword extractor drops these. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${PETITION_WORDS}`.split(/\s+/).filter((w) => w.length > 0));

/** Openers and closers of titles that make a label longer without saying more. */
export const TITLE_PREFIXES = ['关于', '反映', '投诉', '举报', '请问', '问问', '咨询', '建议', '强烈建议', '强烈要求', '请求', '恳请', '希望', '呼吁', '求助', '再次', '请'];
export const TITLE_SUFFIXES = ['的一些问题', '一些问题', '的相关问题', '相关问题', '等问题', '的问题', '问题', '的投诉', '的建议', '的请求', '的咨询', '的情况', '情况'].sort(
  (a, b) => b.length - a.length,
);
