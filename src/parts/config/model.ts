import type { Answers, ChartModel } from '../../model.ts';

export interface ConfigModel {
  enabled: boolean;
  /** The entries as ConfigMap data holds them: strings. */
  data: Record<string, string>;
  mountPath: string;
}

export const model = ({ config = {} }: Answers): Pick<ChartModel, 'config'> => ({
  config: {
    enabled: config.enabled ?? Object.keys(config.data ?? {}).length > 0,
    data: Object.fromEntries(Object.entries(config.data ?? {}).map(([key, value]) => [key, String(value)])),
    mountPath: config.mountPath ?? '',
  },
});
