// What to do after a chart is written: lint it, install it (with the secret values it can take),
// and where its README is. Shared by the bin and `yo k8s-chart`.
import { relative } from 'node:path';
import type { ChartModel } from './model.ts';

export function nextSteps(model: ChartModel, chartDir: string, cwd: string, update = false): string {
  const shown = relative(cwd, chartDir) || '.';
  const path = shown.startsWith('.') || shown.startsWith('/') ? shown : `./${shown}`;
  const secrets = model.secrets;
  const setStrings =
    secrets.enabled && !secrets.existingSecret && !secrets.externalSecret.enabled
      ? secrets.keys.map((key) => ` --set-string secrets.values.${key}=...`).join('')
      : '';
  // Keys the user provides are never generated: lint and install need them.
  const provided = setStrings ? secrets.provided : [];
  const lintSet = provided.map((key) => ` --set-string secrets.values.${key}=placeholder`).join('');
  return [
    'Next steps:',
    `  helm lint ${path}${lintSet}`,
    // An update: the release is likely installed already; `upgrade --install` serves both.
    `  helm ${update ? 'upgrade --install' : 'install'} ${model.name} ${path}${setStrings}`,
    ...(provided.length ? [`  (${provided.join(', ')}: yours to give, the install fails without it; kept from the cluster on upgrade)`] : []),
    ...(setStrings && provided.length < secrets.keys.length ? ['  (a secret key you leave out gets a random value on first install, kept on upgrade)'] : []),
    `  ${path}/README.md explains every value; commit the chart, and run k8s-chart again to update it.`,
  ].join('\n');
}
