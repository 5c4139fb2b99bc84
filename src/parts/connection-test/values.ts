import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { pattern } from '../../chart/schemas.ts';
import { IMAGE_REPOSITORY, IMAGE_TAG } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.service.enabled ? [{ title: 'Tests', nodes: nodes() }] : []);

function nodes(): ValueNode[] {
  return [
    group('tests', 'The `helm test` pod that checks the Service answers', [
      group('image', 'Its image', [
        leaf('repository', 'docker.io/library/busybox', pattern(IMAGE_REPOSITORY), 'Test image repository'),
        leaf('tag', '1.37.0', pattern(IMAGE_TAG), 'Test image tag'),
      ]),
    ]),
  ];
}
