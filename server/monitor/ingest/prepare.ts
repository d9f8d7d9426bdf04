// The CPU half of a batch, done before any database work: de-duplicate, normalise, score
// negativity and take the MinHash signature (on the text worker, see scoring.ts), match keyword
// schemes and find the place (on this thread, while the worker works).
import { postStaticJson } from '../../repositories/monitor-batch';
import { postKey } from '../../repositories/monitor-posts';
import { normalizeText } from '../schemes/normalize';
import { MINHASH_BANDS, MINHASH_K, type Signature } from '../stories/minhash';
import { matchSchemes, type Catalog } from './catalog';
import { analyzeTexts } from './scoring';
import type { PostInput } from './validate';

/** A validated post with everything the pipeline derives from its text. */
export interface PreparedPost extends PostInput {
  key: string;
  /** normalizeText(title + text): what schemes, rules and sensitive words look at. */
  norm: string;
  negativity: number;
  schemeIds: string[];
  regionCode: string | null;
  signature: Signature;
  /** The signature as a PostgreSQL array literal ('{…}'), serialised before the lock. */
  signatureText: string;
  bandKeys: number[];
  /** The stored fields as JSON (postStaticJson), serialised before the batch queues for the lock. */
  staticJson: string;
}

/** De-duplicates a batch (a post sent twice in one batch counts once, the last copy wins) and normalises it. */
function normalized(inputs: readonly PostInput[]): { input: PostInput; key: string; norm: string }[] {
  const byKey = new Map<string, PostInput>();
  for (const p of inputs) byKey.set(postKey(p.platform, p.platformPostId), p);
  return [...byKey].map(([key, input]) => ({ input, key, norm: normalizeText(input.title ? `${input.title}\n${input.text}` : input.text) }));
}

/** Prepares a validated batch. */
export async function preparePosts(inputs: readonly PostInput[], catalog: Catalog | Promise<Catalog>): Promise<PreparedPost[]> {
  const posts = normalized(inputs);
  const analysis = analyzeTexts(
    posts.map((p) => p.norm),
    posts.map((p) => p.key),
  );
  const cat = await catalog;
  const matched = posts.map(({ input, norm }) => {
    const regionCode = (input.place ? cat.regions.find(normalizeText(input.place)) : null) ?? cat.regions.find(norm);
    return { regionCode, schemeIds: matchSchemes(cat, norm, regionCode) };
  });
  const a = await analysis;
  return posts.map(({ input, key, norm }, i): PreparedPost => {
    const signature = a.signatures.subarray(i * MINHASH_K, (i + 1) * MINHASH_K);
    const p: PreparedPost = {
      ...input,
      key,
      norm,
      ...matched[i]!,
      negativity: a.negativity[i]!,
      signature,
      signatureText: `{${signature.join(',')}}`,
      bandKeys: Array.from(a.bandKeys.subarray(i * MINHASH_BANDS, (i + 1) * MINHASH_BANDS)),
      staticJson: '',
    };
    p.staticJson = postStaticJson(p);
    return p;
  });
}
