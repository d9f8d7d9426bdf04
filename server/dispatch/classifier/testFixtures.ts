// Small synthetic appeals for the tests: three topics with distinct vocabularies plus shared filler.
import { makeRng } from './linear';
import type { LabelledExample } from './dataset';

const TOPICS: Record<string, string[]> = {
  交通运输: ['公交车', '站台', '线路', '司机', '拥堵', '红绿灯', '出租车', '高速'],
  教育文体: ['学校', '老师', '学生', '学费', '课程', '校长', '教室', '考试'],
  环境保护: ['污染', '噪音', '垃圾', '排放', '污水', '空气', '环保', '气味'],
};
const FILLER = ['我们', '希望', '领导', '尽快', '解决', '问题', '反映', '市民', '附近', '严重'];

/** Deterministic synthetic examples: `perClass` messages for each of the three topics. */
export function syntheticExamples(perClass: number, seed = 7): LabelledExample[] {
  const rng = makeRng(seed);
  const pick = (list: string[]): string => list[Math.floor(rng() * list.length)] as string;
  const out: LabelledExample[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const [label, words] of Object.entries(TOPICS)) {
      const parts: string[] = [];
      for (let j = 0; j < 12; j++) parts.push(j % 3 === 0 ? pick(words) : pick(FILLER));
      out.push({ title: `关于${pick(words)}的问题`, text: `${parts.join('')}。编号${i}`, label });
    }
  }
  return out;
}
