import type { Answers } from '../../model.ts';
import type { QuestionStep } from '../../prompts.ts';
import { splitImageReference, validateImageDigest, validateImageReference, validateImageTag } from '../../validators.ts';

/** A pasted `repository:tag` is split; its tag is then not asked. */
export const imageQuestions: QuestionStep = {
  async ask({ answers, again, input, optionalInput }) {
    const reImage = again('name and image');
    const image: Partial<Answers['image']> = answers.image ?? {};
    let pinned = false;
    if (image.repository === undefined || reImage) {
      const reference = splitImageReference(
        await input('imageRepository', 'Image repository (e.g. ghcr.io/acme/app, or with its tag: ghcr.io/acme/app:1.4.2)', validateImageReference, image.repository),
      );
      image.repository = reference.repository;
      if (reference.tag !== undefined || reference.digest !== undefined) {
        pinned = true;
        delete image.tag;
        delete image.digest;
        if (reference.tag !== undefined) image.tag = reference.tag;
        if (reference.digest !== undefined) image.digest = reference.digest;
      }
    }
    if (!pinned && ((image.tag === undefined && image.digest === undefined && answers.appVersion === undefined) || reImage)) {
      const current = image.tag ?? (image.digest === undefined ? answers.appVersion : undefined);
      const tag = await optionalInput('imageTag', 'Image tag (empty to pin by digest)', validateImageTag, current);
      if (tag && !(image.tag === undefined && tag === answers.appVersion)) {
        image.tag = tag;
      } else if (!tag) {
        delete image.tag;
        image.digest = await input('imageDigest', 'Image digest (sha256:...)', validateImageDigest, image.digest);
      }
    }
    answers.image = image as Answers['image'];
  },
};
