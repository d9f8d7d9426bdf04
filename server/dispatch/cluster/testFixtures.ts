// Small hand-written appeals for the clustering tests: three problems in 阜阳-like places, each
// raised by several residents in their own words, plus unrelated ones. Times are Asia/Shanghai.
import type { ClusterItem } from './issue';
import { parseBoardTime } from './messages';

const at = (s: string): number => parseBoardTime(s);

/** Three hot issues (搅拌站 noise at 清河花园, 车位捆绑 at 文峰家园, 油烟 at 颍州路) and three singletons. */
export const FIXTURE_ITEMS: ClusterItem[] = [
  { id: 'm1', at: at('2024-05-01 09:00'), likes: 3, title: '颍州区清河花园附近搅拌站噪音扰民', text: '颍州区清河花园小区附近新建了一座混凝土搅拌站，每天夜里机器轰鸣，噪音很大，粉尘也多，居民无法休息。' },
  { id: 'm2', at: at('2024-05-01 10:30'), title: '清河花园旁搅拌站粉尘污染严重', text: '我是清河花园的业主，小区旁边的搅拌站粉尘污染严重，晚上还有噪音，请环保部门查处搅拌站。' },
  { id: 'm3', at: at('2024-05-03 08:15'), likes: 40, title: '投诉清河花园附近搅拌站夜间施工噪音', text: '清河花园附近搅拌站夜间施工，噪音和粉尘严重影响小区居民睡眠，请求搬迁搅拌站。' },
  { id: 'm4', at: at('2024-05-02 14:00'), title: '文峰家园开发商捆绑销售车位', text: '文峰家园开发商要求购房必须同时购买车位，不买车位就不能签合同，这种捆绑销售车位的做法合法吗？' },
  { id: 'm5', at: at('2024-05-04 16:20'), likes: 5, title: '文峰家园买房强制捆绑车位', text: '在文峰家园买房，开发商强制捆绑购买车位，一个车位十二万元，业主不需要车位也必须买。' },
  { id: 'm6', at: at('2024-05-06 11:00'), title: '举报文峰家园捆绑销售车位', text: '文峰家园项目捆绑销售车位，购房者被迫购买车位，请住建部门调查开发商的捆绑销售行为。' },
  { id: 'm7', at: at('2024-05-02 19:00'), title: '颍州路烧烤店油烟直排扰民', text: '颍州路上几家烧烤店油烟直排，楼上居民窗户都不敢开，油烟味很重，晚上营业到凌晨。' },
  { id: 'm8', at: at('2024-05-05 20:00'), title: '颍州路烧烤店油烟和噪音扰民', text: '颍州路烧烤店每天油烟直排到居民楼，夜里喝酒划拳噪音大，油烟问题一直没人管。' },
  { id: 'm9', at: at('2024-05-03 09:00'), title: '咨询新生儿医保办理流程', text: '请问新生儿医保在哪里办理，需要带哪些材料，网上可以办理吗？' },
  { id: 'm10', at: at('2024-05-04 10:00'), title: '太和县某公司拖欠工资', text: '太和县一家服装公司拖欠我们三个月工资，老板一直推脱，请劳动监察部门帮忙讨薪。' },
  { id: 'm11', at: at('2024-05-05 09:30'), title: '建议增加公交线路', text: '城南新区居民越来越多，公交线路太少，建议增加一条到火车站的公交线路。' },
];

/** The expected grouping of FIXTURE_ITEMS. */
export const FIXTURE_GROUPS: string[][] = [['m1', 'm2', 'm3'], ['m4', 'm5', 'm6'], ['m7', 'm8'], ['m9'], ['m10'], ['m11']];
