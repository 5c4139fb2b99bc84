import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import type { Answers } from '../../model.ts';
import { validateImageTag } from '../../validators.ts';

/** The image must be pinned, and an appVersion that stands in for the tag must be a valid tag. */
export function imageRules({ given }: Pick<RuleContext, 'given'>): Problem[] {
  const image: Partial<Answers['image']> = given.image ?? {};
  const unpinned = given.image !== undefined && image.tag === undefined && image.digest === undefined && given.appVersion === undefined;
  if (unpinned) return [{ path: 'image.tag', message: 'required unless image.digest or appVersion is set' }];
  // Without image.tag the chart's appVersion is the tag: the kubelet refuses any other reference.
  const tagCheck = typeof given.appVersion === 'string' && image.tag === undefined ? validateImageTag(given.appVersion) : true;
  return tagCheck === true ? [] : [{ path: 'appVersion', message: `is the image tag while image.tag is not set, so it ${tagCheck}; or set image.tag` }];
}
