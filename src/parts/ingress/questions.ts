import { PATH_TYPES } from '../../answers/choices.ts';
import type { Answers, IssuerKind } from '../../model.ts';
import { both, type QuestionSession, type QuestionStep } from '../../prompts.ts';
import { validateIngressPath } from '../../paths.ts';
import { validateAnnotationKey, validateHostname, validateHttpPath, validateObjectName } from '../../validators.ts';
import { askHttpRoute } from '../http-route/questions.ts';

const EXPOSURES = ['not at all', 'Ingress', 'Gateway API', 'Ingress and Gateway API'] as const;

/** How the port is reached from outside the cluster: an Ingress, an HTTPRoute (its questions are
 * the http-route part's), both, or neither. Without a port, neither applies: both go. */
export const exposureQuestions: QuestionStep = {
  applies: (answers) => answers.service?.port !== undefined,
  forget(answers) {
    delete answers.ingress;
    delete answers.httpRoute;
  },
  async ask(session) {
    const { answers, again, select } = session;
    if ((answers.ingress?.enabled !== undefined || answers.httpRoute?.enabled !== undefined) && !again('port and traffic')) return;
    const ingressOn = answers.ingress?.enabled === true;
    const routeOn = answers.httpRoute?.enabled === true;
    const current = ingressOn && routeOn ? 'Ingress and Gateway API' : ingressOn ? 'Ingress' : routeOn ? 'Gateway API' : 'not at all';
    const exposure = await select('exposure', 'How is it reached from outside the cluster?', EXPOSURES, current);
    const wasIngress = answers.ingress;
    const wasRoute = answers.httpRoute;
    answers.ingress = { enabled: exposure === 'Ingress' || exposure === 'Ingress and Gateway API' };
    if (answers.ingress.enabled) answers.ingress = await askIngress(session, wasIngress?.enabled === true ? wasIngress : {});
    if (exposure === 'Gateway API' || exposure === 'Ingress and Gateway API') {
      answers.httpRoute = await askHttpRoute(session, wasRoute?.enabled === true ? wasRoute : {}, answers.ingress.host);
    } else if (wasRoute === undefined) {
      delete answers.httpRoute;
    } else {
      answers.httpRoute = { enabled: false };
    }
  },
};

async function askIngress({ input, optionalInput, confirm, select, askMap }: QuestionSession, was: NonNullable<Answers['ingress']>): Promise<NonNullable<Answers['ingress']>> {
  const ingress: NonNullable<Answers['ingress']> = { enabled: true };
  ingress.host = await input('ingressHost', 'Host name', validateHostname, was.host);
  const pathType = (await select('ingressPathType', 'Path type', PATH_TYPES, was.pathType ?? 'Prefix')) as NonNullable<typeof ingress.pathType>;
  if (pathType !== 'Prefix' || was.pathType !== undefined || was.host === undefined) ingress.pathType = pathType;
  ingress.path = await input('ingressPath', 'Path', (v) => both(validateHttpPath, (path) => validateIngressPath(path, pathType))(v), was.path ?? '/');
  const className = await optionalInput('ingressClass', "IngressClass (empty for the cluster's default)", validateObjectName, was.className);
  if (className) ingress.className = className;
  const annotations = await askMap('ingressAnnotations', 'Ingress annotations', validateAnnotationKey, was.annotations);
  if (annotations) ingress.annotations = annotations;
  if (await confirm('tls', 'TLS with a certificate from cert-manager?', was.tls === undefined ? was.host === undefined : was.tls.enabled !== false)) {
    ingress.tls = {
      enabled: true,
      issuer: await input('issuer', 'cert-manager issuer name', validateObjectName, was.tls?.issuer ?? 'letsencrypt-prod'),
      issuerKind: (await select('issuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], was.tls?.issuerKind ?? 'ClusterIssuer')) as IssuerKind,
    };
  }
  const { enabled: _, host: __, pathType: ___, path: ____, className: _____, annotations: ______, tls: _______, ...rest } = was;
  return { ...rest, ...ingress };
}
