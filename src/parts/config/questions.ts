import { NONE, optional, parseYamlMap, yamlMapCheck, type QuestionStep } from '../../prompts.ts';
import { validateConfigKey } from '../../validators.ts';

/** One entry at a time, so a value keeps its commas and spaces as typed; or a YAML map in one go. */
export const configQuestions: QuestionStep = {
  async ask({ answers, again, input }) {
    if (answers.config !== undefined && !again('configuration')) return;
    const was = answers.config ?? {};
    const data: Record<string, string> = {};
    let count = 0;
    for (const [key, value] of Object.entries(was.data ?? {})) {
      const kept = await input(`configValue${++count}`, `Value of ${key} (empty keeps "${String(value)}", "${NONE}" removes ${key})`, () => true, String(value));
      if (kept !== NONE) data[key] = kept;
    }
    for (;;) {
      const entry = await input(
        `configKey${++count}`,
        Object.keys(data).length === 0
          ? 'Configuration: a key (empty for none; or all entries as a YAML map, e.g. {LOG_LEVEL: info, FEATURES: "a,b"})'
          : 'Configuration: another key (empty when done)',
        optional((v) => (v.startsWith('{') ? yamlMapCheck(validateConfigKey)(v) : v in data ? 'given already' : validateConfigKey(v))),
      );
      if (!entry) break;
      if (entry.startsWith('{')) {
        Object.assign(data, parseYamlMap(entry));
        continue;
      }
      data[entry] = await input(`configValue${count}`, `Value of ${entry} (kept as typed)`, () => true);
    }
    answers.config = Object.keys(data).length ? { ...was, enabled: true, data } : { enabled: false };
  },
};
