import { ACCESS_MODES } from '../../answers/choices.ts';
import { isReplicated } from '../../kinds/questions.ts';
import { findKind } from '../../kinds/traits.ts';
import type { AccessMode } from '../../model.ts';
import type { QuestionStep } from '../../prompts.ts';
import { validateAbsolutePath, validateObjectName, validateQuantity } from '../../validators.ts';

/** A Deployment or StatefulSet may have a volume of its own; another kind only mounts an existing
 * claim. */
export const persistenceQuestions: QuestionStep = {
  async ask({ answers, again, confirm, input, optionalInput, select }) {
    const workload = answers.workload!;
    const replicated = isReplicated(answers);
    // A volume of its own no longer applies to another kind: asked again (an existing claim).
    const volume = answers.persistence;
    if (!replicated && volume && volume.enabled !== false && volume.existingClaim === undefined) delete answers.persistence;
    if (workload.kind === undefined || (answers.persistence !== undefined && !again('storage'))) return;
    const was = answers.persistence ?? {};
    const on = Object.keys(was).some((key) => key !== 'enabled') && was.enabled !== false;
    answers.persistence = { enabled: false };
    if (replicated) {
      if (await confirm('persistence', findKind(workload.kind)?.claim === 'perPod' ? 'A persistent volume per pod?' : 'A persistent volume?', on)) {
        const { enabled: _, ...rest } = was;
        answers.persistence = {
          ...rest,
          size: await input('storageSize', 'Volume size', validateQuantity, was.size ?? '1Gi'),
          mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, was.mountPath ?? '/data'),
          accessModes: [(await select('storageAccessMode', 'Access mode', ACCESS_MODES, was.accessModes?.[0] ?? 'ReadWriteOnce')) as AccessMode],
        };
      }
    } else {
      const claim = await optionalInput('existingClaim', 'An existing PersistentVolumeClaim to mount (empty for none)', validateObjectName, was.existingClaim);
      if (claim) {
        answers.persistence = { existingClaim: claim, mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, was.mountPath ?? '/data') };
      }
    }
  },
};
