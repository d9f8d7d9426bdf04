// Length-preserving text folding for place matching. Matches are reported as offsets into the
// folded text and sliced from the original, so folding must never change the length (NFKC can:
// '㈠' → '(一)'); only the variants residents actually type are folded.

const NEEDS_FOLDING = /[A-Z\uff01-\uff5e\u3000]/g;
const foldOne = (c: string): string => String.fromCharCode(foldCode(c.charCodeAt(0)));

/** Full-width ASCII → ASCII, A–Z → a–z, ideographic space → space; same length as the input. */
export function foldText(text: string): string {
  // Appeals hold only a handful of such characters, so replacing them one by one is the cheap way.
  return text.replace(NEEDS_FOLDING, foldOne);
}

/** The folded form of one UTF-16 code unit. */
export function foldCode(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c >= 0xff01 && c <= 0xff5e) return foldCode(c - 0xfee0);
  if (c === 0x3000) return 0x20;
  return c;
}

/** True for ASCII letters and digits: anonymised tokens like "a3区" need them as word boundaries. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** True for CJK unified ideographs (the characters place names are written in). */
export function isCjk(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** True when a string has at least `n` CJK characters. */
export function hasCjk(s: string, n = 1): boolean {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i)) && ++k >= n) return true;
  return false;
}
