import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';

/** One source of the Secret; the keys it provides or fetches are keys it has. */
export function secretsRules({ given }: RuleContext): Problem[] {
  const secrets = given.secrets ?? {};
  const problems: Problem[] = [];
  if (secrets.existingSecret !== undefined && secrets.externalSecret !== undefined) {
    problems.push({ path: 'secrets.externalSecret', message: 'not with secrets.existingSecret: choose one source of the Secret' });
  }
  for (const key of secrets.provided ?? []) {
    if (!(secrets.keys ?? []).includes(key)) problems.push({ path: 'secrets.provided', message: `"${key}" is not one of secrets.keys: list it there too` });
  }
  if (secrets.externalSecret !== undefined && (secrets.keys ?? []).length === 0) {
    problems.push({ path: 'secrets.keys', message: 'required with secrets.externalSecret: the keys to fetch from the store' });
  }
  return problems;
}
