import { describe, expect, it } from 'vitest';
import { extractPlace } from './extract';
import { buildGazetteer } from './gazetteer';
import { learnPlaces } from './learn';
import { countyTokens, deriveAnonymisedGazetteer, stripAdminMentions } from './teddycup';

/** TeddyCup-style anonymised lines (西地省, A市 with A1区…, other cities B市/K市 with theirs). */
const LINES = [
  '西地省A市A3区魏家坡巷的小区脏乱差，希望A3区政府管一管',
  'A市A5区嘉华路与嘉兴路交叉路口的垃圾池臭味熏天',
  'K市K1区芝山北路华阳轩楼下KTV噪音扰民，K1区城管不作为',
  '我是K市K2区人，在A市A7县星沙街道打工，老板拖欠工资',
  'A7县星沙街道东六路积水，A7县住建局请关注',
  'B市B7县南浦镇的房产证办不下来，B7县房产局推诿',
  '芙蓉北路改名后叫A1区北路，A1区路口经常堵车，A市A1区交警请关注',
  'A3区的垃圾，A5区的噪音，A7县的积水，K1区的违建，B7县的污染',
];

describe('the anonymised TeddyCup setting', () => {
  const input = deriveAnonymisedGazetteer(LINES, 'A', 1);
  const g = buildGazetteer(input);

  it('derives our city, its counties, the province and the outside names from the texts', () => {
    expect(input.city).toEqual({ code: 'A', name: 'A市' });
    expect(input.province).toEqual({ name: '西地省' });
    expect(input.regions.map((r) => r.name)).toEqual(['A市', 'A1区', 'A3区', 'A5区', 'A7县']);
    expect(input.outside?.map((o) => o.name).sort()).toEqual(['B7县', 'B市', 'K1区', 'K2区', 'K市']);
  });

  it('picks our county, and keeps another city’s county out', () => {
    expect(extractPlace(g, LINES[0] as string).countyCode).toBe('A3');
    expect(extractPlace(g, LINES[1] as string).countyCode).toBe('A5');
    expect(extractPlace(g, LINES[2] as string)).toMatchObject({ countyCode: null, isOutside: true });
    expect(extractPlace(g, LINES[5] as string).isOutside).toBe(true);
  });

  it('reads "我是K市K2区人" as where the writer is from', () => {
    expect(extractPlace(g, LINES[3] as string).countyCode).toBe('A7');
  });

  it('does not count a renamed road (A1区北路) as the county, but the county itself', () => {
    expect(countyTokens(LINES[6] as string)).toEqual(['A1']);
    expect(extractPlace(g, LINES[6] as string).countyCode).toBe('A1');
  });

  it('strips every county, city and province mention for the learned-places test', () => {
    expect(stripAdminMentions('西地省A市A3区魏家坡巷', '西地省')).toBe('魏家坡巷');
  });

  it('places a stripped text through places learned from other messages', () => {
    const learned = learnPlaces(
      [
        { text: LINES[0] as string, regionCode: 'A3' },
        { text: LINES[4] as string, regionCode: 'A7' },
      ],
      { gazetteer: g },
    );
    const withLearned = buildGazetteer({ ...input, places: learned });
    expect(extractPlace(withLearned, stripAdminMentions('A市A7县星沙街道路灯坏了', '西地省')).countyCode).toBe('A7');
    expect(extractPlace(withLearned, '魏家坡巷又脏又乱').countyCode).toBe('A3');
  });
});
