// Syntax errors in keyword schemes. The message is shown to admins as written (Chinese, with a
// 1-based character position); `code` is the stable English identifier for UIs and tests.

/** Stable English identifiers of scheme syntax errors. */
export type SchemeErrorCode =
  | 'EMPTY_EXPRESSION'
  | 'EMPTY_GROUP'
  | 'EMPTY_PHRASE'
  | 'UNBALANCED_PAREN'
  | 'DANGLING_OPERATOR'
  | 'UNTERMINATED_QUOTE'
  | 'TOO_LONG'
  | 'TOO_DEEP'
  | 'ONLY_EXCLUSIONS';

const MESSAGES: Record<SchemeErrorCode, string> = {
  EMPTY_EXPRESSION: '表达式为空',
  EMPTY_GROUP: '括号内没有内容',
  EMPTY_PHRASE: '引号内没有内容',
  UNBALANCED_PAREN: '括号不配对',
  DANGLING_OPERATOR: '运算符缺少关键词',
  UNTERMINATED_QUOTE: '缺少右引号',
  TOO_LONG: '表达式过长',
  TOO_DEEP: '括号嵌套层数过多',
  ONLY_EXCLUSIONS: '方案不能只有排除条件（会匹配不含任何关键词的帖子）',
};

/** A scheme that cannot be parsed; `position` is 1-based and counts characters, not bytes. */
export class SchemeSyntaxError extends Error {
  readonly code: SchemeErrorCode;
  readonly position: number;

  constructor(code: SchemeErrorCode, position: number, detail?: string) {
    super(`第${position}个字符: ${detail ?? MESSAGES[code]}`);
    this.name = 'SchemeSyntaxError';
    this.code = code;
    this.position = position;
  }
}

/** Builds an error at a UTF-16 offset of `expr`, converting it to a 1-based character count. */
export function schemeError(code: SchemeErrorCode, expr: string, offset: number, detail?: string): SchemeSyntaxError {
  // Count code points so an emoji before the error does not shift the reported position.
  let chars = 0;
  for (let i = 0; i < offset && i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) chars++;
  }
  return new SchemeSyntaxError(code, chars + 1, detail);
}
