// Recursive-descent parser for keyword schemes. Grammar (precedence NOT > AND > OR):
//   or    := and (OR and)*
//   and   := unary ((AND)? unary)*          -- juxtaposition means AND
//   unary := (NOT | -)* primary
//   primary := term | "phrase" | ( or )
// Every input either parses or throws SchemeSyntaxError; limits keep recursion shallow.
import type { Scheme } from './ast';
import { evaluateScheme } from './compile';
import { schemeError } from './errors';
import { tokenize, type Token } from './lexer';

/** Longest accepted expression, in UTF-16 code units. */
export const MAX_SCHEME_LENGTH = 2000;
/** Deepest accepted parenthesis nesting. */
export const MAX_SCHEME_DEPTH = 32;

class Parser {
  private pos = 0;

  constructor(
    private readonly expr: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Scheme {
    const scheme = this.parseOr(0);
    const extra = this.peek();
    if (extra) {
      // parseOr stops only at ')' or end, so a leftover token is an unmatched ')'.
      throw schemeError('UNBALANCED_PAREN', this.expr, extra.offset, '多余的右括号');
    }
    return scheme;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private startsOperand(t: Token | undefined): boolean {
    return t !== undefined && (t.kind === 'term' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not');
  }

  /** Requires an operand after a binary operator, else reports the operator as dangling. */
  private expectOperandAfter(op: Token): void {
    if (!this.startsOperand(this.peek())) {
      throw schemeError('DANGLING_OPERATOR', this.expr, op.offset, `“${op.value}”后缺少关键词`);
    }
  }

  private parseOr(depth: number): Scheme {
    const operands = [this.parseAnd(depth)];
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.pos++;
      this.expectOperandAfter(t);
      operands.push(this.parseAnd(depth));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands: operands.flatMap((o) => (o.kind === 'or' ? o.operands : [o])) };
  }

  private parseAnd(depth: number): Scheme {
    const operands = [this.parseUnary(depth)];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'and') {
        this.pos++;
        this.expectOperandAfter(t);
      } else if (!this.startsOperand(t)) {
        break;
      }
      operands.push(this.parseUnary(depth));
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands: operands.flatMap((o) => (o.kind === 'and' ? o.operands : [o])) };
  }

  private parseUnary(depth: number): Scheme {
    const nots: Token[] = [];
    for (let t = this.peek(); t?.kind === 'not'; t = this.peek()) {
      nots.push(t);
      this.pos++;
    }
    const last = nots[nots.length - 1];
    if (last && !this.startsOperand(this.peek())) {
      throw schemeError('DANGLING_OPERATOR', this.expr, last.offset, `“${last.value}”后缺少要排除的关键词`);
    }
    let scheme = this.parsePrimary(depth);
    for (let k = 0; k < nots.length; k++) scheme = { kind: 'not', operand: scheme };
    return scheme;
  }

  private parsePrimary(depth: number): Scheme {
    const t = this.peek();
    if (!t) {
      // Only reachable for an empty token list: operators check for an operand first.
      throw schemeError('EMPTY_EXPRESSION', this.expr, this.expr.length);
    }
    if (t.kind === 'term' || t.kind === 'phrase') {
      this.pos++;
      return { kind: 'term', value: t.value, phrase: t.kind === 'phrase' };
    }
    if (t.kind === 'lparen') {
      if (depth + 1 > MAX_SCHEME_DEPTH) throw schemeError('TOO_DEEP', this.expr, t.offset, `括号嵌套超过${MAX_SCHEME_DEPTH}层`);
      this.pos++;
      if (this.peek()?.kind === 'rparen') throw schemeError('EMPTY_GROUP', this.expr, t.offset);
      if (!this.peek()) throw schemeError('UNBALANCED_PAREN', this.expr, t.offset, '缺少右括号');
      const inner = this.parseOr(depth + 1);
      if (this.peek()?.kind !== 'rparen') throw schemeError('UNBALANCED_PAREN', this.expr, t.offset, '缺少右括号');
      this.pos++;
      return inner;
    }
    if (t.kind === 'rparen') throw schemeError('UNBALANCED_PAREN', this.expr, t.offset, '多余的右括号');
    // A binary operator where an operand should be: "OR a", "(AND a)", "a | | b".
    throw schemeError('DANGLING_OPERATOR', this.expr, t.offset, `“${t.value}”前缺少关键词`);
  }
}

/** Parses a scheme expression into an AST, or throws SchemeSyntaxError (never anything else). */
export function parseScheme(expr: string): Scheme {
  if (expr.length > MAX_SCHEME_LENGTH) {
    throw schemeError('TOO_LONG', expr, MAX_SCHEME_LENGTH, `表达式超过${MAX_SCHEME_LENGTH}个字符`);
  }
  const tokens = tokenize(expr);
  if (tokens.length === 0) throw schemeError('EMPTY_EXPRESSION', expr, 0);
  const scheme = new Parser(expr, tokens).parse();
  // A scheme matching the empty text matches posts containing none of its terms (e.g. "-广告"):
  // it would select the whole stream and defeat the keyword prefilter, so it is refused.
  if (evaluateScheme(scheme, '')) throw schemeError('ONLY_EXCLUSIONS', expr, 0);
  return scheme;
}
