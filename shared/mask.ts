/** Masking of residents' personal data wherever it is not needed (lists, public pages, SMS logs). */

/** 13812345678 → 138****5678; landlines keep area code and last 2 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 7) return `${digits.slice(0, Math.min(4, digits.length - 4))}****${digits.slice(-2)}`;
  return '****';
}

/** 张三 → 张*, 欧阳娜娜 → 欧阳**; a single character becomes *. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

const PATTERNS: [RegExp, (m: string) => string][] = [
  // 18-digit resident ID numbers.
  [/\b\d{17}[\dXx]\b/g, () => '******************'],
  // Mobile numbers inside text.
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m)],
  // Landlines with area code.
  [/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, (m) => maskPhone(m)],
  // House and room numbers: 3栋2单元401室, 12号楼, 5幢 — but not line numbers (3号线) or dates (12月3号).
  [/(?<![月\d])\d+\s*(栋|幢|号楼|单元|室|号(?!线))/g, (m) => m.replace(/\d/g, '*')],
];

/** Masks phones, ID numbers and house numbers inside free text (published replies and appeals). */
export function maskText(text: string): string {
  return PATTERNS.reduce((t, [re, f]) => t.replace(re, f), text);
}
