import { isReplicated } from '../../kinds/questions.ts';
import type { QuestionStep } from '../../prompts.ts';
import { integerCheck } from '../../validators.ts';

/** Only a Deployment or StatefulSet scales: for another kind the answer goes. */
export const autoscalingQuestions: QuestionStep = {
  applies: isReplicated,
  forget(answers) {
    delete answers.autoscaling;
  },
  async ask({ answers, again, confirm, input }) {
    if (answers.autoscaling !== undefined && !again('workload and scaling')) return;
    const was = answers.autoscaling ?? {};
    answers.autoscaling = { enabled: false };
    if (await confirm('autoscaling', 'Scale on CPU with a HorizontalPodAutoscaler (it then decides the replicas)?', was.enabled === true)) {
      const min = Number(await input('minReplicas', 'Fewest replicas', integerCheck(1, 1000), String(was.minReplicas ?? 2)));
      const max = Number(await input('maxReplicas', 'Most replicas', (v) => {
        const range = integerCheck(1, 1000)(v);
        return range !== true ? range : Number(v) >= min ? true : `must be at least the fewest replicas (${min})`;
      }, String(Math.max(was.maxReplicas ?? 10, min))));
      const cpu = Number(await input('cpu', 'Average CPU use to aim at, in percent', integerCheck(1, 100), String(was.targetCPUUtilizationPercentage ?? 70)));
      answers.autoscaling = { enabled: true, minReplicas: min, maxReplicas: max, targetCPUUtilizationPercentage: cpu };
    }
  },
};
