// The parsed form of a keyword scheme and its canonical text form (used by tests and by the
// admin UI to show how an expression was understood, e.g. which way precedence went).

/** A parsed scheme. Term values are already normalised (half-width, lower-case). */
export type Scheme =
  | { kind: 'term'; value: string; phrase: boolean }
  | { kind: 'not'; operand: Scheme }
  | { kind: 'and'; operands: Scheme[] }
  | { kind: 'or'; operands: Scheme[] };

/** Characters that would be read as syntax if a term were printed bare. */
const SPECIAL = /[\s()|&+"（）｜＆＋＂“”]/;

function printTerm(value: string, phrase: boolean): string {
  const bare = !phrase && !SPECIAL.test(value) && !/^[-－]/.test(value) && !/^(AND|OR|NOT)$/.test(value);
  return bare ? value : `"${value}"`;
}

function printOperand(scheme: Scheme): string {
  return scheme.kind === 'and' || scheme.kind === 'or' ? `(${printScheme(scheme)})` : printScheme(scheme);
}

/**
 * Prints a scheme canonically: NOT/AND/OR words, phrases quoted, and every AND/OR group nested
 * in another operator parenthesised, so an admin sees exactly how precedence was applied.
 */
export function printScheme(scheme: Scheme): string {
  switch (scheme.kind) {
    case 'term':
      return printTerm(scheme.value, scheme.phrase);
    case 'not':
      return 'NOT ' + printOperand(scheme.operand);
    case 'and':
      return scheme.operands.map(printOperand).join(' AND ');
    case 'or':
      return scheme.operands.map(printOperand).join(' OR ');
  }
}
