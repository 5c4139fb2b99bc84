import { INGRESS_CONTROLLER_NAMES, type IngressControllerName } from '../../controllers.ts';
import type { Answers } from '../../model.ts';
import type { QuestionStep } from '../../prompts.ts';
import { NAMESPACE, type Check } from '../../validators.ts';

const OTHER_CONTROLLER = 'another: name the namespace of its proxies';
const UNKNOWN_CONTROLLER = 'not known: admit all namespaces (a warning says so)';

const validateNamespace: Check = (value) =>
  new RegExp(NAMESPACE.pattern).test(value) && value.length <= NAMESPACE.maxLength ? true : NAMESPACE.message;

const routed = (answers: Partial<Answers>) => answers.ingress?.enabled === true || answers.httpRoute?.enabled === true;

/** The NetworkPolicy admits the proxies of the controller that sends the traffic, where they run;
 * only routed traffic names a controller. */
export const networkPolicyQuestions: QuestionStep = {
  applies: routed,
  forget(answers) {
    const policy = answers.networkPolicy;
    if (policy?.ingressController === undefined) return;
    delete policy.ingressController;
    if (Object.keys(policy).length === 0) delete answers.networkPolicy;
  },
  async ask({ answers, again, input, select }) {
    const policy = answers.networkPolicy ?? {};
    const sourceUnset = policy.ingressController === undefined && policy.ingressNamespace === undefined;
    if (policy.enabled === false || policy.ingressFrom !== undefined || !(sourceUnset || again('port and traffic'))) return;
    const choices = [...INGRESS_CONTROLLER_NAMES, OTHER_CONTROLLER, UNKNOWN_CONTROLLER];
    const current = policy.ingressController ?? (policy.ingressNamespace === undefined ? UNKNOWN_CONTROLLER : OTHER_CONTROLLER);
    const controller = await select('ingressController', 'Which controller sends the traffic to the pods? (the NetworkPolicy admits its proxies)', choices, current);
    const wasNamespace = policy.ingressNamespace;
    delete policy.ingressController;
    delete policy.ingressNamespace;
    if (controller === OTHER_CONTROLLER) {
      policy.ingressNamespace = await input('ingressNamespace', 'The namespace its proxies run in', validateNamespace, wasNamespace);
    } else if (controller !== UNKNOWN_CONTROLLER) {
      policy.ingressController = controller as IngressControllerName;
    }
    if (Object.keys(policy).length > 0) answers.networkPolicy = policy;
    else delete answers.networkPolicy;
  },
};
