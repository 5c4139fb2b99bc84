// What to do after a chart is written: lint it, install it (with the secret values it can take),
// and where its README is. Shared by the bin and `yo k8s-chart`.
import { relative } from 'node:path';
import type { ChartModel } from './model.ts';

export function nextSteps(model: ChartModel, chartDir: string, cwd: string): string {
  const shown = relative(cwd, chartDir) || '.';
  const path = shown.startsWith('.') || shown.startsWith('/') ? shown : `./${shown}`;
  const secrets = model.secrets;
  const setStrings =
    secrets.enabled && !secrets.existingSecret && !secrets.externalSecret.enabled
      ? secrets.keys.map((key) => ` --set-string secrets.values.${key}=...`).join('')
      : '';
  return [
    'Next steps:',
    `  helm lint ${path}`,
    `  helm install ${model.name} ${path}${setStrings}`,
    ...(setStrings ? ['  (a secret key you leave out gets a random value on first install, kept on upgrade)'] : []),
    `  ${path}/README.md explains every value; commit the chart, and run k8s-chart again to update it.`,
  ].join('\n');
}
