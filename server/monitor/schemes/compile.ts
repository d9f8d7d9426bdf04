// Matching schemes against posts. Posts are normalised once (normalizeText) and the same string
// is handed to every scheme, so a matcher is a tree of closures over String#includes with
// short-circuit AND/OR: millions of post×scheme checks per second for typical schemes.
import type { Scheme } from './ast';

/** Tests a normalised post text; build with compileScheme. */
export type SchemeMatcher = (normalizedText: string) => boolean;

/** Reference evaluator (uncompiled); used for validation and as the oracle in tests. */
export function evaluateScheme(scheme: Scheme, normalizedText: string): boolean {
  switch (scheme.kind) {
    case 'term':
      return normalizedText.includes(scheme.value);
    case 'not':
      return !evaluateScheme(scheme.operand, normalizedText);
    case 'and':
      return scheme.operands.every((o) => evaluateScheme(o, normalizedText));
    case 'or':
      return scheme.operands.some((o) => evaluateScheme(o, normalizedText));
  }
}

/** Compiles a scheme into a fast predicate over normalizeText() output. */
export function compileScheme(scheme: Scheme): SchemeMatcher {
  switch (scheme.kind) {
    case 'term': {
      const value = scheme.value;
      return (t) => t.includes(value);
    }
    case 'not': {
      const inner = compileScheme(scheme.operand);
      return (t) => !inner(t);
    }
    case 'and': {
      const parts = scheme.operands.map(compileScheme);
      if (parts.length === 2) {
        const [a, b] = parts as [SchemeMatcher, SchemeMatcher];
        return (t) => a(t) && b(t);
      }
      return (t) => {
        for (const p of parts) if (!p(t)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = scheme.operands.map(compileScheme);
      if (parts.length === 2) {
        const [a, b] = parts as [SchemeMatcher, SchemeMatcher];
        return (t) => a(t) || b(t);
      }
      return (t) => {
        for (const p of parts) if (p(t)) return true;
        return false;
      };
    }
  }
}

function collectTerms(scheme: Scheme, negated: boolean, out: Set<string>): void {
  switch (scheme.kind) {
    case 'term':
      if (!negated) out.add(scheme.value);
      return;
    case 'not':
      collectTerms(scheme.operand, !negated, out);
      return;
    default:
      for (const o of scheme.operands) collectTerms(o, negated, out);
  }
}

/**
 * Distinct positive terms (under an even number of NOTs), in order of appearance. Every post a
 * parsed scheme matches contains at least one of them (parseScheme refuses schemes that match
 * the empty text), so they are a sound prefilter and the words for a jieba user dictionary.
 */
export function schemeTerms(scheme: Scheme): string[] {
  const out = new Set<string>();
  collectTerms(scheme, false, out);
  return [...out];
}

/** Positive terms of the scheme found in a normalised post, for highlighting a match. */
export function schemeHits(scheme: Scheme, normalizedText: string): string[] {
  return schemeTerms(scheme).filter((term) => normalizedText.includes(term));
}
