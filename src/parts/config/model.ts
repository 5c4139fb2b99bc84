import type { Answers, ChartModel } from '../../model.ts';

export interface ConfigModel {
  enabled: boolean;
  /** The entries as ConfigMap data holds them: strings. */
  data: Record<string, string>;
  mountPath: string;
}

/** Whether the answers give the chart a ConfigMap: data, unless enabled: false. */
export const configOn = ({ config = {} }: Partial<Answers>): boolean => config.enabled ?? Object.keys(config.data ?? {}).length > 0;

export const model = ({ config = {} }: Answers): Pick<ChartModel, 'config'> => ({
  config: {
    enabled: configOn({ config }),
    data: Object.fromEntries(Object.entries(config.data ?? {}).map(([key, value]) => [key, String(value)])),
    mountPath: config.mountPath ?? '',
  },
});
