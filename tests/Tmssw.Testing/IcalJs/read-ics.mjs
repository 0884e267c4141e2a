// Test-only reader: parses an .ics file with ical.js (Mozilla's library, the one Thunderbird uses)
// and prints its events as JSON. Only the VTIMEZONEs in the file are known to ical.js (it has no
// zone database of its own), so every offset printed comes from what the file says.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const root = new ICAL.Component(ICAL.parse(text));
const zones = root.getAllSubcomponents('vtimezone').map(z => {
  ICAL.TimezoneService.register(z);
  return z.getFirstPropertyValue('tzid');
});

const missing = new Set();
function time(prop) {
  const tzid = prop.getParameter('tzid');
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    missing.add(tzid);
  }
  const t = prop.getFirstValue();
  return { tzid: tzid ?? null, utc: t.toJSDate().toISOString(), offsetMinutes: t.utcOffset() / 60, floating: t.zone === ICAL.Timezone.localTimezone };
}

const events = root.getAllSubcomponents('vevent').map(v => {
  const e = new ICAL.Event(v);
  const geo = v.getFirstPropertyValue('geo');
  return {
    uid: e.uid,
    summary: e.summary,
    location: e.location ?? null,
    description: e.description ?? null,
    sequence: e.sequence ?? 0,
    status: v.getFirstPropertyValue('status') ?? null,
    geo: geo ? [Number(geo[0]), Number(geo[1])] : null,
    start: time(v.getFirstProperty('dtstart')),
    end: time(v.getFirstProperty('dtend')),
  };
});

process.stdout.write(JSON.stringify({ name: root.getFirstPropertyValue('x-wr-calname') ?? null, zones, missingZones: [...missing], events }));
