// A CronJob's schedule and time zone, checked as Kubernetes checks them: the controller parses the
// schedule with robfig/cron's standard parser (five fields, or a descriptor such as @hourly or
// @every 1h30m) and loads the time zone with Go's time.LoadLocation (exact IANA names).
import timezones from './timezones.json' with { type: 'json' };

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day-of-week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
/** Go's time.ParseDuration syntax: one or more decimal numbers, each with a unit. */
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|ms|s|m|h))+$/;

function value(text: string, field: Field): number | string {
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + field.min;
  if (!/^\d+$/.test(text)) return `${field.name} field: "${text}" is not a number${field.names ? ' or a name' : ''}`;
  const number = Number(text);
  return number < field.min || number > field.max
    ? `${field.name} field: ${number} is out of range ${field.min}-${field.max}`
    : number;
}

function checkField(text: string, field: Field): string | undefined {
  for (const part of text.split(',')) {
    const [range = '', step, extra] = part.split('/');
    if (extra !== undefined) return `${field.name} field: "${part}" has more than one "/"`;
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) {
      return `${field.name} field: step "${step}" must be a positive whole number`;
    }
    if (range === '*' || range === '?') continue;
    const [start = '', end, more] = range.split('-');
    if (more !== undefined) return `${field.name} field: "${range}" is not a range`;
    const low = value(start, field);
    if (typeof low === 'string') return low;
    if (end === undefined) continue;
    const high = value(end, field);
    if (typeof high === 'string') return high;
    if (low > high) return `${field.name} field: range ${range} starts after it ends`;
  }
  return undefined;
}

/** true, or what is wrong with the schedule. */
export function validateSchedule(schedule: string): true | string {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text)) return 'must not start with TZ= or CRON_TZ=: set workload.timeZone instead';
  if (text.startsWith('@')) {
    if (DESCRIPTORS.includes(text)) return true;
    const every = /^@every (.+)$/.exec(text);
    if (every) return GO_DURATION.test(every[1]!) ? true : `"@every ${every[1]}" needs a duration such as 1h30m`;
    return `unknown descriptor "${text}"; use one of ${DESCRIPTORS.join(', ')} or @every <duration>`;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    return `must have 5 fields (minute hour day-of-month month day-of-week), not ${parts.length}`;
  }
  for (const [index, field] of FIELDS.entries()) {
    const problem = checkField(parts[index]!, field);
    if (problem) return problem;
  }
  return true;
}

const ZONES = new Set(timezones.names);

/** An exact IANA time-zone name, with case: "Etc/UTC" and "UTC" are valid, "utc" is not. */
export function validateTimeZone(zone: string): true | string {
  if (ZONES.has(zone)) return true;
  const sameLetters = timezones.names.find((name) => name.toLowerCase() === zone.toLowerCase());
  return sameLetters
    ? `unknown time zone "${zone}": names are case-sensitive; did you mean "${sameLetters}"?`
    : `unknown time zone "${zone}": use an IANA name such as Etc/UTC or Europe/Berlin (tzdata ${timezones.tzdata})`;
}
