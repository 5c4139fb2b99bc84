import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { hasService } from '../service/rules.ts';
import { needsService } from '../ingress/rules.ts';
import { givenExtraPorts, mainPortName } from './ports.ts';

/** Names and ports distinct from each other and from the main port; exposing one needs the Service. */
export function extraPortsRules(context: RuleContext): Problem[] {
  const { given } = context;
  const problems: Problem[] = [];
  const service = hasService(context);
  const names = new Map<unknown, number>();
  const ports = new Map<unknown, number>();
  givenExtraPorts(given).forEach(({ name, port, expose }, i) => {
    const at = `extraPorts[${i}]`;
    if (service && name === mainPortName(given)) problems.push({ path: `${at}.name`, message: `"${name}" is the name of service.port: choose another` });
    else if (name !== undefined && names.has(name)) problems.push({ path: `${at}.name`, message: `"${name}" is the name of extraPorts[${names.get(name)}] too` });
    if (port !== undefined && port === given.service?.port) problems.push({ path: `${at}.port`, message: `${port} is service.port: an extra port needs a port of its own` });
    else if (port !== undefined && ports.has(port)) problems.push({ path: `${at}.port`, message: `${port} is the port of extraPorts[${ports.get(port)}] too` });
    if (expose === true && !service) problems.push({ path: `${at}.expose`, message: needsService() });
    if (!names.has(name)) names.set(name, i);
    if (!ports.has(port)) ports.set(port, i);
  });
  return problems;
}
