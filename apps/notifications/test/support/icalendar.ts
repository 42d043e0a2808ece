/** One VEVENT's properties by name (parameters dropped), from an iCalendar text; lines unfolded (RFC 5545 §3.1). */
export interface ParsedCalendar {
  method: string | undefined;
  event: Record<string, string>;
  /** Every ATTENDEE line's address (the part after `mailto:`), lower-cased. */
  attendees: string[];
}

/** Enough of an iCalendar reader for assertions; fails when the text is not one VCALENDAR with one VEVENT. */
export function parseCalendar(text: string): ParsedCalendar {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR') throw new Error('not a VCALENDAR');
  const begin = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  if (begin < 0 || end < begin || lines.lastIndexOf('BEGIN:VEVENT') !== begin)
    throw new Error('not one VEVENT');
  const nameOf = (line: string) => line.slice(0, line.indexOf(':')).split(';')[0].toUpperCase();
  const valueOf = (line: string) => line.slice(line.indexOf(':') + 1);
  const event: Record<string, string> = {};
  const attendees: string[] = [];
  for (const line of lines.slice(begin + 1, end)) {
    if (nameOf(line) === 'ATTENDEE')
      attendees.push(
        valueOf(line)
          .replace(/^mailto:/i, '')
          .toLowerCase(),
      );
    else event[nameOf(line)] = valueOf(line);
  }
  const method = lines.slice(0, begin).find((l) => nameOf(l) === 'METHOD');
  return { method: method ? valueOf(method) : undefined, event, attendees };
}
