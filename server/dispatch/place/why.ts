// The reasons shown to the dispatcher, in Chinese: which words placed the appeal, what was
// ignored and why, so a wrong guess is easy to see through and correct.
import type { CountyDecision } from './extract';
import { SEGMENT_LABEL, type Evidence, type Hit } from './evidence';
import type { PointHit } from './geo';
import type { Gazetteer, RegionInfo } from './gazetteer';

const MAX_SUPPORT = 3;

/** "颍州区文峰街道": a region with its county (and town) in front. */
export function regionLabel(g: Gazetteer, r: RegionInfo): string {
  const parts = [r.countyCode, r.townCode, r.level === 5 ? r.code : null]
    .filter((c, i, a): c is string => !!c && a.indexOf(c) === i)
    .map((c) => g.regions.get(c)?.name ?? c);
  return parts.length > 0 ? parts.join('') : r.name;
}

/** Reasons for the text part of the decision. */
export function explainText(g: Gazetteer, ev: Evidence, d: CountyDecision, region: RegionInfo | undefined): string[] {
  const why: string[] = [];
  const name = (code: string): string => g.regions.get(code)?.name ?? code;
  if (d.countyCode && region) {
    why.push(...supportLines(g, ev.hits.filter((h) => h.countyCode === d.countyCode)));
    const others = d.ranked.filter((r) => r.countyCode !== d.countyCode).map((r) => (r.countyCode ? name(r.countyCode) : `本市以外的${r.outsideName}`));
    if (others.length > 0) why.push(`文中也提到${others.slice(0, 3).join('、')}，以提到更早、更多的${name(d.countyCode)}为准`);
    if (region.level === 3 && ev.hits.some((h) => h.countyCode === d.countyCode && h.code !== d.countyCode)) {
      why.push(`提到的乡镇街道不止一个，只确定到${name(d.countyCode)}`);
    }
  } else if (d.isOutside) {
    const names = [...new Set(ev.outside.map((o) => o.name))].slice(0, 3);
    why.push(`文中地点在本市以外（${names.join('、')}），未归入本市县区`);
  } else if (d.isCityWide) {
    const named = d.ranked.filter((r) => r.countyCode).slice(0, 4);
    why.push(`文中提到多个县区（${named.map((r) => name(r.countyCode as string)).join('、')}），没有哪一个明显为主，按全市问题归属市级`);
  } else if (d.isTie) {
    const tied = d.ranked.filter((r) => r.countyCode).slice(0, 2);
    why.push(`文中同时提到${tied.map((r) => name(r.countyCode as string)).join('、')}，无法确定是哪一个，暂归市级`);
  }
  for (const u of ev.unresolved.slice(0, 2)) {
    const options = u.options.map((c) => (g.regions.get(c) ? regionLabel(g, g.regions.get(c) as RegionInfo) : c));
    if (d.countyCode && u.options.some((c) => g.regions.get(c)?.countyCode === d.countyCode)) continue;
    why.push(`「${u.match.text}」可指${[...new Set(options)].join('、')}，仅凭它无法确定`);
  }
  if (!d.countyCode && !d.isOutside && !d.isTie && !d.isCityWide) why.push('文中未找到本市的县区、乡镇或地名，归属市级');
  return why;
}

/** "文中提到「颍州区文峰街道」", adjacent names merged; place-list names say where they come from. */
function supportLines(g: Gazetteer, hits: Hit[]): string[] {
  const lines: string[] = [];
  const groups: Hit[][] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && prev.segment === h.segment && prev.match.end === h.match.start && !h.place && !prev.place) last.push(h);
    else groups.push([h]);
  }
  for (const group of groups) {
    const first = group[0] as Hit;
    const quote = group.map((h) => h.match.text).join('');
    const where = SEGMENT_LABEL[first.segment];
    let line: string;
    if (first.place) {
      const r = g.regions.get(first.code);
      const label = r ? regionLabel(g, r) : first.code;
      line = first.place.source === 'learned' ? `${where}提到「${quote}」，历史工单中多属${label}` : `${where}提到「${quote}」，地名库记为${label}`;
    } else if (first.match.typoOf) {
      line = `${where}「${quote}」按「${first.match.typoOf}」理解`;
    } else {
      line = `${where}提到「${quote}」`;
    }
    if (!lines.includes(line)) lines.push(line);
    if (lines.length >= MAX_SUPPORT) break;
  }
  return lines;
}

/** Reasons for what the device position said. */
export function explainPoint(g: Gazetteer, hit: PointHit, located: RegionInfo | undefined): string[] {
  switch (hit.method) {
    case 'boundary':
      return located ? [`定位坐标位于${regionLabel(g, located)}（按边界数据）`] : [];
    case 'seat': {
      const county = located?.countyCode ? g.regions.get(located.countyCode)?.name : undefined;
      return [`定位坐标距${county ?? hit.regionCode}驻地约 ${hit.distanceKm.toFixed(1)} 公里（按近似县城坐标推断，建议导入边界数据）`];
    }
    case 'none':
      switch (hit.reason) {
        case 'outside':
          return ['定位坐标在本市范围以外'];
        case 'ambiguous':
          return ['定位坐标在几个县区驻地之间，无法判断属于哪一个'];
        case 'no-data':
          return ['没有边界或驻地数据，未使用定位坐标'];
        case 'invalid':
          return ['定位坐标无效，未使用'];
      }
  }
}
