import { choice, object, optional, text } from '../../answers/fields.ts';
import { PULL_POLICIES } from '../../answers/choices.ts';
import { IMAGE_DIGEST, IMAGE_REPOSITORY, IMAGE_TAG } from '../../validators.ts';

export const imageAnswers = {
  image: object(
    {
      repository: text(IMAGE_REPOSITORY, 'Image repository, without tag'),
      tag: optional(text(IMAGE_TAG, 'Image tag (default: appVersion); never latest')),
      digest: optional(text(IMAGE_DIGEST, 'Image digest; pins the image even if the tag moves')),
      pullPolicy: optional(choice(PULL_POLICIES, 'Image pull policy (default IfNotPresent)')),
    },
    'The container image',
  ),
};
