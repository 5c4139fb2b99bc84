// The bin's interactive path: runs this package's Yeoman generator in a Yeoman environment of its
// own, so `npx k8s-chart` asks the same questions as `yo k8s-chart`. Loaded only when needed; it
// lives beside the generator, as nothing under src/ loads Yeoman.
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';
import type { InteractiveOptions } from '../../src/cli.ts';

const generatorPath = fileURLToPath(new URL('./index.js', import.meta.url));

export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const env = createEnv({ cwd: options.output });
  env.register(generatorPath, { namespace: 'k8s-chart:app' });
  try {
    await env.run(['k8s-chart:app'], {
      force: options.force,
      askAnswered: options.askAnswered,
      ...(options.saveAnswers === undefined ? {} : { saveAnswers: options.saveAnswers }),
    });
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}
