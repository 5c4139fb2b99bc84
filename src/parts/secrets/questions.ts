import type { QuestionStep } from '../../prompts.ts';
import { listCheck, splitList, validateEnvVarName } from '../../validators.ts';

/** Key names only: values are set at install, never asked for. */
export const secretsQuestions: QuestionStep = {
  async ask({ answers, again, optionalInput }) {
    if (answers.secrets !== undefined && !again('secrets')) return;
    const was = answers.secrets ?? {};
    const keys = await optionalInput('secretKeys', 'Secret key names (comma-separated; values are set at install; empty for none)', listCheck(validateEnvVarName), was.keys?.join(', '));
    const { keys: _, enabled: __, provided: ___, ...rest } = was;
    answers.secrets = keys ? { ...rest, enabled: true, keys: splitList(keys) } : Object.keys(rest).length ? { ...rest } : { enabled: false };
    if (!keys) return;
    // Keys whose values come from elsewhere (an external system's credential) are never generated.
    const names = splitList(keys);
    const provided = await optionalInput(
      'secretProvided',
      "Which of them do you provide (an external system's credential: never generated, the install fails without it)? (comma-separated; empty: all generated)",
      (v) => {
        const list = listCheck(validateEnvVarName)(v);
        const stray = splitList(v).find((name) => !names.includes(name));
        return list !== true ? list : stray === undefined ? true : `"${stray}" is not one of the keys: ${names.join(', ')}`;
      },
      was.provided?.filter((name) => names.includes(name)).join(', '),
    );
    if (provided) answers.secrets.provided = splitList(provided);
  },
};
