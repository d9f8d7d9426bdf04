import { RATING_LABELS, RESOLUTION_LABELS, type RatingValue, type Resolution } from '../../shared/domain';
import { maskName, maskText } from '../../shared/mask';
import type { PublishedAppeal } from '../repositories/public';

/** Masks a published text: the resident's own name wherever it appears, phones, ID and house numbers. */
export function maskPublished(text: string, residentName: string | null): string {
  const named = residentName && residentName.length >= 2 ? text.split(residentName).join(maskName(residentName)) : text;
  return maskText(named);
}

/** An echo-wall entry: nothing that identifies the resident; no photos are ever published. */
export function presentPublished(a: PublishedAppeal) {
  return {
    id: a.id,
    title: maskPublished(a.title, a.residentName),
    body: maskPublished(a.body, a.residentName),
    categoryCode: a.categoryCode,
    regionCode: a.regionCode,
    unitName: a.unitName,
    createdAt: a.createdAt,
    reply: a.replyBody
      ? {
          resolution: a.replyResolution,
          resolutionLabel: RESOLUTION_LABELS[a.replyResolution as Resolution] ?? a.replyResolution,
          body: maskPublished(a.replyBody, a.residentName),
          at: a.repliedAt,
        }
      : null,
    rating: a.rating,
    ratingLabel: a.rating ? RATING_LABELS[a.rating as RatingValue] ?? null : null,
  };
}
