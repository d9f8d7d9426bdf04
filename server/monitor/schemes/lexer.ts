// Tokeniser for keyword schemes. Admins type on Chinese input methods, so full-width forms
// （ ） ｜ ＆ ＋ － and curly quotes “ ” are accepted wherever the ASCII form is.
import { schemeError } from './errors';
import { halfWidthCode, normalizeText } from './normalize';

/** Kinds of scheme tokens. */
export type TokenKind = 'term' | 'phrase' | 'and' | 'or' | 'not' | 'lparen' | 'rparen';

/** One scheme token with its offset in the source expression. */
export interface Token {
  kind: TokenKind;
  /** Normalised term or phrase text; the operator as typed for operators (for messages). */
  value: string;
  /** UTF-16 offset of the token in the original expression. */
  offset: number;
}

const QUOTES = new Set([0x22, 0x201c, 0x201d]);

/** The ASCII character a code unit stands for in scheme syntax. */
function syntaxChar(code: number): string {
  return QUOTES.has(code) ? '"' : String.fromCharCode(halfWidthCode(code));
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** True for characters that end a bare term. */
function endsTerm(ch: string): boolean {
  return isSpace(ch) || ch === '(' || ch === ')' || ch === '|' || ch === '&' || ch === '+' || ch === '"';
}

/** Splits an expression into tokens; throws SchemeSyntaxError for unterminated or empty quotes. */
export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = syntaxChar(expr.charCodeAt(i));
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', value: expr[i]!, offset: i });
      i++;
    } else if (ch === '|' || ch === '&' || ch === '+') {
      tokens.push({ kind: ch === '|' ? 'or' : 'and', value: expr[i]!, offset: i });
      i++;
    } else if (ch === '"') {
      let end = i + 1;
      while (end < expr.length && !QUOTES.has(expr.charCodeAt(end)) && expr.charCodeAt(end) !== 0xff02) end++;
      if (end >= expr.length) throw schemeError('UNTERMINATED_QUOTE', expr, i);
      const value = normalizeText(expr.slice(i + 1, end));
      if (value.trim() === '') throw schemeError('EMPTY_PHRASE', expr, i);
      tokens.push({ kind: 'phrase', value, offset: i });
      i = end + 1;
    } else if (ch === '-') {
      // "-term" excludes; a minus not glued to what follows is a mistake, not a term.
      const next = i + 1 < expr.length ? syntaxChar(expr.charCodeAt(i + 1)) : '';
      if (next === '' || isSpace(next) || (endsTerm(next) && next !== '(' && next !== '"')) {
        throw schemeError('DANGLING_OPERATOR', expr, i, `“${expr[i]}”后缺少要排除的关键词`);
      }
      tokens.push({ kind: 'not', value: expr[i]!, offset: i });
      i++;
    } else {
      let end = i + 1;
      while (end < expr.length && !endsTerm(syntaxChar(expr.charCodeAt(end)))) end++;
      const raw = expr.slice(i, end);
      const word = normalizeText(raw);
      const op = raw === 'AND' || raw === 'ＡＮＤ' ? 'and' : raw === 'OR' || raw === 'ＯＲ' ? 'or' : raw === 'NOT' || raw === 'ＮＯＴ' ? 'not' : undefined;
      tokens.push(op ? { kind: op, value: raw, offset: i } : { kind: 'term', value: word, offset: i });
      i = end;
    }
  }
  return tokens;
}
