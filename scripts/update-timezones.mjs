// Writes src/kinds/timezones.json: every zone and link name of the IANA time-zone database, read
// from the system's tzdata (Debian's /usr/share/zoneinfo/tzdata.zi). A CronJob's timeZone must be
// one of these, with exact case, as Go's time.LoadLocation in the Kubernetes controller reads it.
// Node's Intl cannot serve here: it canonicalizes names and leaves out links such as Etc/UTC.
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? '/usr/share/zoneinfo/tzdata.zi';
const text = readFileSync(source, 'utf8');
const version = /^# version (\S+)/m.exec(text)?.[1] ?? 'unknown';
const names = new Set();
for (const line of text.split('\n')) {
  const fields = line.split(/\s+/);
  if (fields[0] === 'Z') names.add(fields[1]);
  if (fields[0] === 'L') names.add(fields[2]);
}
const out = new URL('../src/kinds/timezones.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ tzdata: version, names: [...names].sort() }, null, 0)}\n`);
console.log(`${names.size} time-zone names from tzdata ${version}`);
