// Negativity scoring (舆情负面度) for posts and residents' messages: score in [0,1], >= 0.5 negative.
export { isConsultation, lexiconHits, lexiconOffset, type LexiconHit, type LexiconKind } from './lexicon';
export {
  DEFAULT_MODEL_URL,
  NegativityModel,
  loadNegativityModel,
  type NegativityExplanation,
  type NegativityModelFile,
  type TrainingInfo,
} from './negativity-model';
