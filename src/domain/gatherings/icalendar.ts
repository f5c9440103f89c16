/**
 * iCalendar (RFC 5545) for gatherings: a personal feed and the file sent with each
 * invitation. Written by hand — a few properties, each escaped (§3.3.11) and folded at
 * 75 octets (§3.1) — and checked in the tests by an independent parser (ical.js).
 */
export interface CalendarEvent {
  uid: string;
  /** Raised by every change a client must pick up. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  cancelled?: boolean | undefined;
}

export function renderCalendar(events: CalendarEvent[], options: { name: string; now: Date; method?: 'PUBLISH' }): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mainstay//Gatherings//EN', 'CALSCALE:GREGORIAN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${utc(options.now)}`, `DTSTART:${utc(e.start)}`, `DTEND:${utc(e.end)}`,
      `SEQUENCE:${e.sequence}`, `SUMMARY:${escapeText(e.summary)}`, `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url.replace(/[\r\n]/g, '')}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
