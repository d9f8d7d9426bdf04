import { describe, expect, it } from 'vitest';
import { assessUrgency, compileLexicon } from './assess';
import { DEFAULT_DANGER_CATEGORIES, extendLexicon } from './lexicon';

const urgent = (text: string, title = '') => assessUrgency(title, text);

describe('assessUrgency: dangers to life or property', () => {
  it.each([
    ['楼道里闻到很浓的燃气味，物业也不来看', 'gas'],
    ['天然气管道泄漏了，整栋楼都是味道', 'gas'],
    ['对面楼下的饭店着火了，浓烟往楼上冒', 'fire'],
    ['小区消防通道被私家车堵死，消防车根本进不来', 'fire-route'],
    ['我们小区没有消防通道，全是乱停的车', 'fire-route'],
    ['老房子的墙体开裂，随时可能倒塌', 'collapse'],
    ['学校门口路面塌陷了一个大坑', 'collapse'],
    ['楼上空调外机掉落，差点砸到人', 'falling'],
    ['大风把电线刮断了，电线掉在地上还冒火花', 'electric'],
    ['人民路上的井盖丢失好几天了', 'manhole'],
    ['村口的池塘没有护栏，经常有小孩在边上玩', 'drowning'],
    ['路边的大树被虫蛀空了，快倒了', 'tree'],
    ['昨天电梯突然下坠，把人困在里面一个小时', 'elevator'],
    ['下暴雨后污水倒灌进家里，一楼全淹了', 'flood'],
    ['化工厂氯气泄漏，附近居民头晕呕吐', 'chemical'],
    ['工地上的锅炉爆炸了', 'explosion'],
    ['邻居持刀威胁我们全家', 'violence'],
    ['老人被困在家里出不来', 'trapped'],
    ['这个路口已经有人受伤了', 'casualty'],
    ['工资拖欠两年，我真的活不下去了', 'suicide'],
  ])('%s → %s', (text, code) => {
    const r = urgent(text);
    expect(r.isUrgent).toBe(true);
    expect(r.categories).toContain(code);
  });

  it('says why in Chinese, quoting the words', () => {
    const r = urgent('楼道里闻到很浓的燃气味，物业也不来看');
    expect(r.reasons).toEqual(['涉及燃气泄漏（“楼道里闻到很浓的燃气味”），可能危及生命安全']);
    expect(r.matched).toEqual(['燃气味']);
  });

  it('reads the title too', () => {
    expect(urgent('请尽快处理', '小区井盖缺失').categories).toEqual(['manhole']);
  });
});

describe('assessUrgency: what is not a present danger', () => {
  it.each([
    '我家没有燃气味，就是燃气费太贵了',
    '社区组织了消防演练，大家都参加了',
    '井盖丢失的问题已经修好了，谢谢',
    '建议多开展防火宣传进社区',
    '火车站附近的火锅店太吵，老板一说就发火',
    '吃了火锅容易上火',
    '新闻报道外地一座桥坍塌，希望我们这里也排查一下',
    '一旦发生火灾，后果不堪设想，希望加强管理',
    '小区里的电动车到处乱停',
    '请问燃气费怎么缴纳',
    '采煤塌陷区的补偿款什么时候发',
    '工作压力大，被困扰很久了',
    '跳楼价甩卖的广告太吵',
  ])('%s → not urgent', (text) => {
    const r = urgent(text);
    expect(r).toMatchObject({ isUrgent: false, reasons: [], matched: [] });
  });

  it('does not take "还没修好" for resolved', () => {
    expect(urgent('井盖丢失一个月了，报修后还没修好').isUrgent).toBe(true);
  });

  it('counts a blocked fire route even when the sentence imagines the fire', () => {
    const r = urgent('消防通道被占用，一旦发生火灾，消防车进不来');
    expect(r.categories).toEqual(['fire-route']);
  });
});

describe('the lexicon is data a city can extend', () => {
  it('adds patterns to a category and new categories', () => {
    const lexicon = compileLexicon(
      extendLexicon(DEFAULT_DANGER_CATEGORIES, [
        { code: 'gas', name: '燃气泄漏', harm: '生命安全', patterns: ['气罐漏'] },
        { code: 'dog', name: '恶犬伤人', harm: '生命安全', patterns: ['恶犬|狗咬人'] },
      ]),
    );
    expect(assessUrgency('', '楼下气罐漏了', lexicon).categories).toEqual(['gas']);
    expect(assessUrgency('', '小区里恶犬乱跑', lexicon).reasons[0]).toContain('涉及恶犬伤人');
    expect(DEFAULT_DANGER_CATEGORIES.find((c) => c.code === 'gas')?.patterns).not.toContain('气罐漏');
  });

  it('names the category of a broken pattern', () => {
    expect(() => compileLexicon([{ code: 'bad', name: '坏', harm: '生命安全', patterns: ['(未闭合'] }])).toThrow(/danger category "bad"/);
  });
});
