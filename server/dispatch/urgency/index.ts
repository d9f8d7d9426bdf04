// Urgency assessment for smart dispatch (紧急程度识别): the public surface of this folder.
export { assessUrgency, compileLexicon, DEFAULT_LEXICON, type CompiledLexicon, type UrgencyAssessment } from './assess';
export { DEFAULT_DANGER_CATEGORIES, extendLexicon, type DangerCategory } from './lexicon';
