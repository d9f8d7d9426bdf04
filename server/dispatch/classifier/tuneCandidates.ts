// Candidate configurations compared by tune.ts on validation splits of the training part. Every
// candidate starts from DEFAULT_FEATURES (jieba without HMM); README.md lists the results.
import type { HeadSpec, TrainOptions } from './train';

const nbsvm = (c: number, extra: Partial<HeadSpec> = {}): HeadSpec => ({ solver: 'nbsvm', c, l2: 0.1, epochs: 100, balanced: true, seed: 1, tolerance: 0.05, mix: 1, ...extra });
const svm = (c: number, extra: Partial<HeadSpec> = {}): HeadSpec => ({ solver: 'svm', c, l2: 0, epochs: 100, balanced: true, seed: 1, tolerance: 0.05, mix: 1, ...extra });
/** One head needs no temperature to be scored on macro-F1 (argmax is unchanged): skip calibration. */
const one = (h: HeadSpec, rest: TrainOptions = {}): TrainOptions => ({ heads: [h], calibrationFraction: 0, ...rest });

/** Named candidates; the chosen one is DEFAULT_HEADS + DEFAULT_FEATURES ('default'). */
export const TUNING_CANDIDATES: Record<string, TrainOptions> = {
  default: one(nbsvm(0.4)),
  // Segmentation: jieba's HMM guessing out-of-dictionary words (the previous default).
  'hmm-on': one(nbsvm(0.4), { features: { hmm: true } }),
  // Cost, NB smoothing, scaling exponent, stopping tolerance, class balance.
  'c0.25': one(nbsvm(0.25)),
  'c0.3': one(nbsvm(0.3)),
  'c0.55': one(nbsvm(0.55)),
  'alpha0.03': one(nbsvm(0.4, { l2: 0.03 })),
  'alpha0.07': one(nbsvm(0.4, { l2: 0.07 })),
  'alpha0.14': one(nbsvm(0.4, { l2: 0.14 })),
  'alpha0.3': one(nbsvm(0.4, { l2: 0.3 })),
  'nb-power0.5': one(nbsvm(0.4, { nbPower: 0.5 })),
  'nb-power1.5': one(nbsvm(0.4, { nbPower: 1.5 })),
  'tol0.2': one(nbsvm(0.4, { tolerance: 0.2 })),
  'tol0.01': one(nbsvm(0.4, { tolerance: 0.01 })),
  'balance0.5': one(nbsvm(0.4, { balancePower: 0.5 })),
  'balance1.5': one(nbsvm(0.4, { balancePower: 1.5 })),
  // Features.
  'chars1-4': one(nbsvm(0.4), { features: { charNgrams: [1, 4] } }),
  'chars2-3': one(nbsvm(0.4), { features: { charNgrams: [2, 3] } }),
  'word-pairs': one(nbsvm(0.4), { features: { wordNgrams: 2 } }),
  'no-words': one(nbsvm(0.4), { features: { wordNgrams: 0 } }),
  'no-title-words': one(nbsvm(0.4), { features: { titleFeatures: false } }),
  'hash21': one(nbsvm(0.4), { features: { hashBits: 21 } }),
  'hash22': one(nbsvm(0.4), { features: { hashBits: 22 } }),
  'min-df2': one(nbsvm(0.4), { features: { minDf: 2 } }),
  'min-df5': one(nbsvm(0.4), { features: { minDf: 5 } }),
  // Ensembles of existing heads.
  'nbsvm+svm-probabilities': { heads: [nbsvm(0.4), svm(1)] },
  'nbsvm+svm-scores': { heads: [nbsvm(0.4), svm(1)], combine: 'scores', calibrationFraction: 0 },
  svm: one(svm(1)),
};
