import { SERVICE_TYPES } from '../../answers/choices.ts';
import { isLongRunning } from '../../kinds/questions.ts';
import type { Answers } from '../../model.ts';
import type { QuestionStep } from '../../prompts.ts';
import { SERVICE_PROTOCOLS, type ServiceProtocol } from '../../protocols.ts';
import { validateAnnotationKey, validatePort } from '../../validators.ts';

/** The port: a Job or CronJob has none; a long-running workload without one is a worker. */
export const serviceQuestions: QuestionStep = {
  applies: isLongRunning,
  forget(answers) {
    delete answers.service;
  },
  async ask({ answers, again, optionalInput, select, askMap }) {
    const rePort = again('port and traffic');
    if (answers.service?.port !== undefined && !rePort) return;
    const was = answers.service ?? {};
    const port = await optionalInput('port', 'Container port (empty for a worker with no Service)', validatePort, was.port?.toString());
    if (!port) {
      delete answers.service;
      return;
    }
    const service: NonNullable<Answers['service']> = { port: Number(port) };
    const protocol = (await select('serviceProtocol', "The app's protocol on it (meshes and gateways read it from the port)", SERVICE_PROTOCOLS, was.protocol ?? 'http')) as ServiceProtocol;
    if (protocol !== 'http') service.protocol = protocol;
    const servicePort = await optionalInput('servicePort', `Port of the Service (empty for ${port}, the container port)`, validatePort, was.servicePort?.toString());
    if (servicePort) service.servicePort = Number(servicePort);
    const type = (await select('serviceType', 'Service type', SERVICE_TYPES, was.type ?? 'ClusterIP')) as typeof service.type;
    // A default kept is recorded only if it was: keeping every answer changes no byte.
    if (type !== 'ClusterIP' || was.type !== undefined || !rePort) service.type = type;
    const annotations = await askMap('serviceAnnotations', 'Service annotations', validateAnnotationKey, was.annotations);
    if (annotations) service.annotations = annotations;
    answers.service = rePort ? service : { ...service, ...answers.service };
  },
};
