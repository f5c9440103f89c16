import type { paths } from './schema';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> =
  paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;

export type GatheringView = Json<'/api/v1/gatherings/{id}', 'get'>;
export type GatheringKind = GatheringView['kind'];
export type Invitee = GatheringView['invitees'][number];
export type AttendanceStatus = 'present' | 'excused' | 'absent';
export type Rsvp = 'yes' | 'no' | 'maybe';
export type GatheringItem = Json<'/api/v1/units/{id}/gatherings', 'get'>['items'][number];
export type MeetingStats = Json<'/api/v1/units/{id}/meeting-stats', 'get'>;
export type Cadence = MeetingStats['cadence'];
export type ConferenceReview = Json<'/api/v1/gatherings/{id}/review', 'get'>;
export type GatheringBody = NonNullable<paths['/api/v1/gatherings']['post']['requestBody']>['content']['application/json'];
export type InviteeRule = GatheringBody['invitees']['rule'];

export const KINDS = ['meeting', 'enlarged', 'conference', 'course'] as const satisfies readonly GatheringKind[];
export const STATUSES = ['present', 'excused', 'absent'] as const satisfies readonly AttendanceStatus[];
export const ANSWERS = ['yes', 'maybe', 'no'] as const satisfies readonly Rsvp[];

/** What `<input type="datetime-local">` shows for an instant, in the reader's own time zone. */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value means in the reader's time zone, as the API wants it (ISO with offset). */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

/** The same secret address with the webcal scheme, which phones hand to their calendar app as a subscription. */
export function webcalOf(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}
