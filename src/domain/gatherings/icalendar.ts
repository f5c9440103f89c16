/**
 * iCalendar (RFC 5545) for gatherings: a personal feed (`METHOD:PUBLISH`) and the iTIP
 * messages (RFC 5546) mailed to each invitee — `REQUEST` for an invitation or an update,
 * `CANCEL` when the gathering is called off. Written by hand — a few properties, each
 * escaped (§3.3.11) and folded at 75 octets (§3.1) — and checked in the tests by an
 * independent parser (ical.js) and, where it is installed, by libical's iTIP rules.
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
  /** Who convenes this one (else the calendar's `organizer`). */
  organizer?: CalendarUser | undefined;
}

/** A calendar user: `mailto:` address and display name (CN). */
export interface CalendarUser { email: string; name: string }

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarOptions {
  name: string;
  now: Date;
  method?: CalendarMethod | undefined;
  /** Who convenes (RFC 5546 requires it in every method used here). */
  organizer?: CalendarUser | undefined;
  /** REQUEST and CANCEL: the recipient(s), asked to answer (RSVP). PUBLISH has none. */
  attendees?: CalendarUser[] | undefined;
  /** CANCEL: why, shown to the invitee (COMMENT). */
  comment?: string | undefined;
}

export function renderCalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mainstay//Gatherings//EN', 'CALSCALE:GREGORIAN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const cancelling = options.method === 'CANCEL';
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${utc(options.now)}`, `DTSTART:${utc(e.start)}`, `DTEND:${utc(e.end)}`,
      `SEQUENCE:${e.sequence}`, `SUMMARY:${escapeText(e.summary)}`, `STATUS:${cancelling || e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      ...organizerLine(e.organizer ?? options.organizer),
      ...(options.attendees ?? []).map((a) => `ATTENDEE;CN=${paramText(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;`
        + `PARTSTAT=NEEDS-ACTION;RSVP=${cancelling ? 'FALSE' : 'TRUE'}:${mailto(a.email)}`),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url.replace(/[\r\n]/g, '')}`] : []),
      ...(options.comment ? [`COMMENT:${escapeText(options.comment)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const organizerLine = (o: CalendarUser | undefined) => (o ? [`ORGANIZER;CN=${paramText(o.name)}:${mailto(o.email)}`] : []);

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * A parameter value (§3.2): always quoted, since names hold commas and semicolons; a
 * quoted value cannot hold a double quote or a control character (RFC 6868's ^' would
 * be the escape, which few clients read), so those are replaced or dropped.
 */
export function paramText(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ').trim()}"`;
}

/** A CAL-ADDRESS: the address percent-encodes what a URI cannot hold. */
const mailto = (email: string) => `mailto:${email.replace(/[^A-Za-z0-9@._+\-!$&'*=^`{|}~]/g, (c) => encodeURIComponent(c))}`;

/** The address in a From such as `Mainstay <mainstay@example.org>`, or the bare address. */
export function addressOf(from: string): string {
  return /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
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
