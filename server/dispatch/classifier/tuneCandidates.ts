// Candidate configurations compared by tune.ts on validation splits of the training part.
import type { HeadSpec, TrainOptions } from './train';

const nbsvm = (c: number, extra: Partial<HeadSpec> = {}): HeadSpec => ({ solver: 'nbsvm', c, l2: 0.1, epochs: 100, balanced: true, seed: 1, tolerance: 0.05, mix: 1, ...extra });
const svm = (c: number, extra: Partial<HeadSpec> = {}): HeadSpec => ({ solver: 'svm', c, l2: 0, epochs: 100, balanced: true, seed: 1, tolerance: 0.05, mix: 1, ...extra });
const one = (h: HeadSpec, rest: TrainOptions = {}): TrainOptions => ({ heads: [h], calibrationFraction: 0, ...rest });

/** Named candidates; the chosen one becomes DEFAULT_HEADS / DEFAULT_FEATURES. */
export const TUNING_CANDIDATES: Record<string, TrainOptions> = {
  'nbsvm-0.4': one(nbsvm(0.4)),
  'nbsvm+svm-prob': { heads: [nbsvm(0.4), svm(1)] },
  'nbsvm-b0.5': one(nbsvm(0.4, { nbPower: 0.5 })),
  'nbsvm-b1.5': one(nbsvm(0.4, { nbPower: 1.5 })),
  'nbsvm-b2': one(nbsvm(0.4, { nbPower: 2 })),
  'nbsvm+svm-scores': { heads: [nbsvm(0.4), svm(1)], combine: 'scores', calibrationFraction: 0 },
  'nbsvm-b0.5-c1': one(nbsvm(1, { nbPower: 0.5 })),
  'nbsvm-b1.5-c0.2': one(nbsvm(0.2, { nbPower: 1.5 })),
  'nbsvm-a0.03': one(nbsvm(0.4, { l2: 0.03 })),
  'nbsvm-a0.3': one(nbsvm(0.4, { l2: 0.3 })),
  'nbsvm-a1': one(nbsvm(0.4, { l2: 1 })),
  'chars1-4': one(nbsvm(0.4), { features: { charNgrams: [1, 4] } }),
  'word-pairs': one(nbsvm(0.4), { features: { wordNgrams: 2 } }),
  'no-title-ns': one(nbsvm(0.4), { features: { titleFeatures: false } }),
  'chars2-3': one(nbsvm(0.4), { features: { charNgrams: [2, 3] } }),
  'no-words': one(nbsvm(0.4), { features: { wordNgrams: 0 } }),
  'h21': one(nbsvm(0.4), { features: { hashBits: 21 } }),
  'h22': one(nbsvm(0.4), { features: { hashBits: 22 } }),
  'mindf2': one(nbsvm(0.4), { features: { minDf: 2 } }),
  'mindf5': one(nbsvm(0.4), { features: { minDf: 5 } }),
  'h22-tol0.2': one(nbsvm(0.4, { tolerance: 0.2 }), { features: { hashBits: 22 } }),
  'tol0.2-c0.25': one(nbsvm(0.25, { tolerance: 0.2 })),
  'tol0.2-c0.4': one(nbsvm(0.4, { tolerance: 0.2 })),
  'tol0.2-c0.6': one(nbsvm(0.6, { tolerance: 0.2 })),
  'tol0.5-c0.4': one(nbsvm(0.4, { tolerance: 0.5 })),
  'bal0.5': one(nbsvm(0.4, { balancePower: 0.5 })),
  'bal1.5': one(nbsvm(0.4, { balancePower: 1.5 })),
};
