// A CronJob's schedule and time zone are checked as the Kubernetes controller parses them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateSchedule, validateTimeZone } from '../src/kinds/schedule.ts';

test('schedules Kubernetes accepts', () => {
  for (const schedule of [
    '*/15 * * * *',
    '0 0 * * *',
    '30 2 * * MON-FRI',
    '0 9 1,15 * ?',
    '0 0 1 jan,jul *',
    '5-55/10 8-18 * * 1-5',
    '0 */2 * * sun',
    '@hourly',
    '@daily',
    '@midnight',
    '@weekly',
    '@monthly',
    '@yearly',
    '@annually',
    '@every 1h30m',
    '@every 90s',
    '@every 1.5h',
  ]) {
    assert.is(validateSchedule(schedule), true, schedule);
  }
});

test('schedules Kubernetes refuses, each with a reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['* * * *', /must have 5 fields/],
    ['* * * * * *', /must have 5 fields .* not 6/],
    ['60 * * * *', /minute field: 60 is out of range 0-59/],
    ['* 24 * * *', /hour field: 24 is out of range 0-23/],
    ['* * 0 * *', /day-of-month field: 0 is out of range 1-31/],
    ['* * * 13 *', /month field: 13 is out of range 1-12/],
    ['* * * * 7', /day-of-week field: 7 is out of range 0-6/],
    ['* * * * FUNDAY', /day-of-week field: "FUNDAY" is not a number or a name/],
    ['*/0 * * * *', /step "0" must be a positive whole number/],
    ['10-5 * * * *', /range 10-5 starts after it ends/],
    ['TZ=Europe/Berlin 0 0 * * *', /set workload.timeZone instead/],
    ['CRON_TZ=UTC 0 0 * * *', /set workload.timeZone instead/],
    ['@fortnightly', /unknown descriptor/],
    ['@every 5', /needs a duration/],
  ];
  for (const [schedule, reason] of cases) {
    const result = validateSchedule(schedule);
    assert.type(result, 'string', schedule);
    assert.match(result as string, reason, schedule);
  }
});

test('time zones are exact IANA names, case and all', () => {
  for (const zone of ['Etc/UTC', 'UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'US/Eastern']) {
    assert.is(validateTimeZone(zone), true, zone);
  }
  assert.match(validateTimeZone('utc') as string, /case-sensitive; did you mean "UTC"/);
  assert.match(validateTimeZone('europe/berlin') as string, /did you mean "Europe\/Berlin"/);
  assert.match(validateTimeZone('Mars/Olympus') as string, /unknown time zone "Mars\/Olympus"/);
  assert.match(validateTimeZone('CEST') as string, /unknown time zone/);
});

test.run();
