import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { pattern, type JsonSchema } from '../../chart/schemas.ts';
import { IMAGE_DIGEST, IMAGE_REPOSITORY, IMAGE_TAG, OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => [{ title: 'Image', nodes: nodes(model) }];

function nodes(model: ChartModel): ValueNode[] {
  return [
    group('image', 'The container image', [
      leaf('repository', model.image.repository, pattern(IMAGE_REPOSITORY), 'Image repository'),
      leaf('tag', model.image.tag, pattern(IMAGE_TAG, true), 'Image tag; empty means the chart appVersion', [
        'Never "latest": a pinned tag makes every install of a chart version run the same code.',
      ]),
      leaf('digest', model.image.digest, pattern(IMAGE_DIGEST, true), 'Image digest (sha256:...); pins the image even if the tag moves'),
      leaf('pullPolicy', model.image.pullPolicy, { enum: ['IfNotPresent', 'Always', 'Never'] }, 'Image pull policy'),
    ]),
    leaf('imagePullSecrets', [], pullSecretList, 'Secrets for pulling from a private registry, e.g. [{name: regcred}] (global.imagePullSecrets come first)'),
  ];
}

export const pullSecretList: JsonSchema = {
  type: 'array',
  items: {
    anyOf: [
      pattern(OBJECT_NAME),
      { type: 'object', required: ['name'], properties: { name: pattern(OBJECT_NAME) }, additionalProperties: false },
    ],
  },
};
