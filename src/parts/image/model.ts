import type { Answers, ChartModel } from '../../model.ts';
import type { PullPolicy } from '../../answers/choices.ts';

export interface ImageModel {
  repository: string;
  /** Empty: appVersion. */
  tag: string;
  digest: string;
  pullPolicy: PullPolicy;
}

export const model = ({ image, appVersion }: Answers): Pick<ChartModel, 'image'> => ({
  image: {
    repository: image.repository,
    // An empty tag in values means "appVersion" (see the image helper), as in `helm create`.
    tag: image.tag !== undefined && image.tag !== appVersion ? image.tag : '',
    digest: image.digest ?? '',
    pullPolicy: image.pullPolicy ?? 'IfNotPresent',
  },
});
