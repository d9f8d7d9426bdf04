// The anonymised TeddyCup 2020 C messages as a place-extraction test bed (bench/place.ts). The
// organisers replaced place names by tokens — 西地省, A市 (the capital), its counties A1区…A9市,
// other cities B市…M市 with theirs (K1区 …) — so the gazetteer is DERIVED from the texts: every
// "<letter><number><区|县|市|州>" token is a county of the city with that letter. One city plays
// "our city"; every other city and county becomes an outside name.
import { join } from 'node:path';
import { readCsv } from '../classifier/csv';
import { compactKey } from '../classifier/text';
import type { GazetteerInput, OutsideName, RegionRow } from './gazetteer';

/** One unique message: title may be empty (the reconstruction file often lacks it). */
export interface AnonymisedMessage {
  id: string;
  title: string;
  text: string;
  key: string;
}

const COUNTY_TOKEN = /(?<![A-Za-z0-9])([A-M])(\d{1,2})(区|县|市|州)/g;
const CITY_TOKEN = /(?<![A-Za-z0-9])([A-M])市/g;
const PROVINCE_TOKEN = /([\u4e00-\u9fff]{2})省/g;

/** The message files named in the brief, most complete first (their copies dedupe onto the first). */
export const ANONYMISED_FILES = [
  { file: 'attachment2_labeled_fullcols.csv', id: '留言编号', title: '留言主题' },
  { file: 'attachment4_messages_with_replies.csv', id: '留言编号', title: '留言主题' },
  { file: 'attachment3_hot_issue_messages.csv', id: '留言编号', title: '留言主题' },
  { file: 'attachment2_details_labels_partial_reconstruction.csv', id: '留言编号_if_known', title: '留言主题_if_known' },
] as const;

/** Reads and dedupes the messages (by whitespace-free details); ids are "file-number:row". */
export function loadAnonymisedMessages(dir: string): AnonymisedMessage[] {
  const byKey = new Map<string, AnonymisedMessage>();
  ANONYMISED_FILES.forEach((f, fi) => {
    readCsv(join(dir, f.file)).rows.forEach((row, ri) => {
      const text = (row['留言详情'] ?? '').trim();
      const key = compactKey(text);
      if (key.length === 0) return;
      const title = (row[f.title] ?? '').trim();
      const prev = byKey.get(key);
      if (prev) {
        if (!prev.title && title) prev.title = title;
        return;
      }
      byKey.set(key, { id: `${fi}:${(row[f.id] ?? '').trim() || `r${ri}`}`, title, text, key });
    });
  });
  return [...byKey.values()];
}

/**
 * The anonymiser replaced county names inside other words too: 芙蓉路 became "A1区路", 浏阳河
 * "A9市河", 岳麓大道 "A3区大道". A token followed by such a word is a road or river, not a county.
 */
const RENAMED_WORD = /^[东西南北中]?(?:路|大道|大街|街(?!道)|巷)|^(?:河|之都)/;

/** County codes ("A3", "K1") named in a text, in order of appearance (repeats kept). */
export function countyTokens(text: string): string[] {
  return [...text.matchAll(COUNTY_TOKEN)]
    .filter((m) => !RENAMED_WORD.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3)))
    .map((m) => `${m[1]}${m[2]}`);
}

/** The text with every county, city and province mention removed (for the learned-places test). */
export function stripAdminMentions(text: string, provinceName: string): string {
  return text.replace(COUNTY_TOKEN, '').replace(CITY_TOKEN, '').split(provinceName).join('');
}

/** Token counts per county code and suffix, and per city letter. */
function countTokens(texts: readonly string[]): { counties: Map<string, Map<string, number>>; cities: Map<string, number>; provinces: Map<string, number> } {
  const counties = new Map<string, Map<string, number>>();
  const cities = new Map<string, number>();
  const provinces = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(COUNTY_TOKEN)) {
      const code = `${m[1]}${m[2]}`;
      let s = counties.get(code);
      if (!s) counties.set(code, (s = new Map()));
      s.set(m[3] as string, (s.get(m[3] as string) ?? 0) + 1);
    }
    for (const m of t.matchAll(CITY_TOKEN)) cities.set(m[1] as string, (cities.get(m[1] as string) ?? 0) + 1);
    for (const m of t.matchAll(PROVINCE_TOKEN)) provinces.set(m[0], (provinces.get(m[0]) ?? 0) + 1);
  }
  return { counties, cities, provinces };
}

/**
 * Derives the gazetteer input with `ourLetter`'s city as "our city" from the texts themselves.
 * A county token seen fewer than `minCount` times (typos, artefacts like "A4纸") is ignored; a
 * county written with several suffixes (E4县 / E4区) takes its most frequent one as the name.
 */
export function deriveAnonymisedGazetteer(texts: readonly string[], ourLetter = 'A', minCount = 3): GazetteerInput {
  const { counties, cities, provinces } = countTokens(texts);
  const province = [...provinces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const regions: RegionRow[] = [{ code: ourLetter, name: `${ourLetter}市`, level: 2, parentCode: null }];
  const outside: OutsideName[] = [];
  for (const [code, suffixes] of [...counties].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ranked = [...suffixes].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) continue;
    const names = ranked.map(([s]) => `${code}${s}`);
    if (code.startsWith(ourLetter) && /^\d/.test(code.slice(ourLetter.length))) {
      regions.push({ code, name: names[0] as string, level: 3, parentCode: ourLetter });
    } else {
      outside.push({ name: names[0] as string, level: 'county', aliases: names });
    }
  }
  for (const [letter, n] of cities) if (letter !== ourLetter && n >= minCount) outside.push({ name: `${letter}市`, level: 'city' });
  return { city: { code: ourLetter, name: `${ourLetter}市` }, regions, outside, ...(province ? { province: { name: province } } : {}) };
}
