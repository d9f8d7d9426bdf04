// Text normalisation and Chinese segmentation. Everything downstream (features, user dictionary)
// goes through normaliseText so that full-width/half-width and case variants hash identically.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Frequency given to user-dictionary words: high enough that jieba keeps them whole. */
const USER_WORD_FREQ = 1_000_000;

/** NFKC (full-width → ASCII), lower-case, and collapse the scraped whitespace runs to one space. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Key used for de-duplication and the split: the text with every whitespace character removed. */
export function compactKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** True for characters that carry no meaning as features (whitespace, punctuation, symbols). */
export function isBreakChar(code: number): boolean {
  if (code <= 0x2f) return true; // controls, space, ASCII punctuation before '0'
  if (code >= 0x3a && code <= 0x40) return true; // : ; < = > ? @
  if (code >= 0x5b && code <= 0x60) return true; // [ \ ] ^ _ `
  if (code >= 0x7b && code <= 0xbf) return true; // { | } ~ and Latin-1 symbols
  if (code >= 0x2000 && code <= 0x206f) return true; // general punctuation (…, —, “”)
  if (code >= 0x3000 && code <= 0x303f) return true; // CJK punctuation (。、《》【】)
  if (code >= 0xff00 && code <= 0xff0f) return true; // full-width punctuation left after NFKC
  if (code >= 0xff1a && code <= 0xff20) return true;
  if (code >= 0xff3b && code <= 0xff40) return true;
  if (code >= 0xff5b && code <= 0xff65) return true;
  if (code >= 0x2190 && code <= 0x2bff) return true; // arrows, shapes, misc symbols
  if (code >= 0xd800 && code <= 0xdfff) return true; // surrogates (emoji): rare, skip
  return false;
}

/** True when a token contains at least one meaningful character. */
export function isContentToken(token: string): boolean {
  // Fast path: almost every jieba token is a CJK word (U+4E00–U+9FFF).
  const c0 = token.charCodeAt(0);
  if (c0 >= 0x4e00 && c0 <= 0x9fff) return true;
  for (let i = 0; i < token.length; i++) if (!isBreakChar(token.charCodeAt(i))) return true;
  return false;
}

/** Builds jieba's dictionary text for a list of user words (place and unit names). */
export function userDictText(words: readonly string[]): string {
  const lines: string[] = [];
  for (const raw of words) {
    // jieba's dictionary format is "word freq tag"; spaces inside a word would break the line.
    const w = normaliseText(raw).replace(/\s+/g, '');
    if (w.length > 0) lines.push(`${w} ${USER_WORD_FREQ} n`);
  }
  return lines.join('\n');
}

/** Segments normalised text with jieba; building one costs ~150 ms, so instances are cached. */
export class Segmenter {
  private readonly jieba: Jieba;
  readonly userWords: readonly string[];

  constructor(userWords: readonly string[] = []) {
    this.userWords = [...userWords];
    this.jieba = Jieba.withDict(dict);
    const extra = userDictText(userWords);
    if (extra.length > 0) this.jieba.loadDict(Buffer.from(extra, 'utf8'));
  }

  /**
   * Content words of already-normalised text, punctuation and whitespace dropped. With `hmm` jieba
   * also guesses words missing from its dictionary (names, codes); without it those fall apart
   * into single characters, which the character n-grams cover anyway.
   */
  words(normalised: string, hmm = true): string[] {
    if (normalised.length === 0) return [];
    const tokens = this.jieba.cut(normalised, hmm);
    const out: string[] = [];
    for (const t of tokens) if (isContentToken(t)) out.push(t);
    return out;
  }
}

const segmenterCache = new Map<string, Segmenter>();

/** Returns a shared Segmenter for this user dictionary (the dictionary's content is the cache key). */
export function getSegmenter(userWords: readonly string[] = []): Segmenter {
  const key = userWords.join('\n');
  let seg = segmenterCache.get(key);
  if (!seg) {
    seg = new Segmenter(userWords);
    // Keep the cache small: hot-swapped models with changing dictionaries must not leak memory.
    if (segmenterCache.size >= 4) segmenterCache.clear();
    segmenterCache.set(key, seg);
  }
  return seg;
}
