// Text normalisation shared by keyword schemes and the negativity model. Chinese posts mix
// full-width and half-width ASCII freely (ＩＰＨＯＮＥ, （ ）, ！) depending on the input method, so
// both sides of every comparison are folded to one form before matching.

/** Maps one UTF-16 code unit to its half-width form (full-width ASCII block and U+3000 only). */
export function halfWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

/** Folds full-width ASCII to half-width and lower-cases; call once per post and reuse the result. */
export function normalizeText(text: string): string {
  // Fast path: most posts need no full-width folding, and toLowerCase alone is native-fast.
  let needsFold = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      needsFold = true;
      break;
    }
  }
  if (!needsFold) return text.toLowerCase();
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const h = halfWidthCode(c);
    if (h !== c) {
      out += text.slice(runStart, i) + String.fromCharCode(h);
      runStart = i + 1;
    }
  }
  out += text.slice(runStart);
  return out.toLowerCase();
}
