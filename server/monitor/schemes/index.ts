// Keyword schemes (关键词方案): boolean keyword expressions admins write per topic and region.
export { printScheme, type Scheme } from './ast';
export { compileScheme, evaluateScheme, schemeHits, schemeTerms, type SchemeMatcher } from './compile';
export { SchemeSyntaxError, type SchemeErrorCode } from './errors';
export { normalizeText } from './normalize';
export { MAX_SCHEME_DEPTH, MAX_SCHEME_LENGTH, parseScheme } from './parser';
