import { z } from 'zod';
import { multiLine, Name, singleLine } from '../schemas.ts';

const SystemMessage = z.object({ key: z.string(), params: z.record(z.string(), z.string()) }).nullable()
  .describe("A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored)");
const Urgency = z.enum(['low', 'normal', 'urgent', 'life_threatening']);
const Hours = z.number().positive().max(24 * 365);
const Deadline = z.strictObject({ acknowledgeHours: Hours, resolveHours: Hours });

export const CategoryBody = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
  name: Name,
  names: z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language code such as ko'), Name).optional().describe('Translations by language'),
  handlingLevel: singleLine(40).min(1).describe('The level that handles it, e.g. "cell" or "district"'),
  public: z.boolean().describe('Offered on the public form and in Open311'),
  deadlines: z.strictObject({ low: Deadline, normal: Deadline, urgent: Deadline, life_threatening: Deadline }),
});

export const Category = CategoryBody.extend({ id: z.string(), names: z.record(z.string(), z.string()) });

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).min(4);
const Polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
const MultiPolygon = z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });

export const ServiceArea = z.strictObject({
  polygon: z.union([Polygon, MultiPolygon]).nullable().describe('GeoJSON Polygon or MultiPolygon ([longitude, latitude] positions), or null'),
  localities: z.array(singleLine(200).min(1)).max(500).describe('Place names an address may mention'),
});

export const PublicArea = z.object({
  id: z.string(), name: z.string(), levelKey: z.string(), levelName: z.string(),
  ancestorNames: z.array(z.string()).describe('The units above it, top first'),
  hasChildren: z.boolean().describe('Open units lie below it'),
});

export const CaseIntake = z.strictObject({
  categoryCode: singleLine(64).min(1),
  description: multiLine(4000).min(1),
  urgency: Urgency,
  lat: z.number().min(-90).max(90).optional(),
  long: z.number().min(-180).max(180).optional(),
  address: singleLine(500).min(1).optional(),
  requester: z.strictObject({ name: Name.optional(), email: z.email().max(254).optional(), phone: z.string().trim().regex(/^\+?[0-9 ()./-]{3,40}$/).optional() }).optional(),
});

export const Created = z.object({
  id: z.string(), reference: z.string().describe('Short, to read out on the phone'),
  trackingToken: z.string().describe('The requester\'s key to /track/{token}; shown once'), owningUnitId: z.string(),
});

export const AssigneeRef = z.object({ personId: z.string(), name: z.string() }).nullable()
  .describe("The official of the owning unit the case is assigned to (null: nobody)");

export const PhotoInfo = z.object({
  position: z.number().describe('1 to 3: the photo is at …/photos/{position}'), mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z.number().describe('Bytes'), width: z.number(), height: z.number(),
});

const Status = z.enum(['new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened', 'merged']);

export const CaseItem = z.object({
  id: z.string(), reference: z.string(), status: Status, urgency: z.string(), categoryCode: z.string(), owningUnitId: z.string(),
  category: z.object({ code: z.string(), name: z.string(), names: z.record(z.string(), z.string()).describe('Translations by language') }),
  summary: z.string().describe("The description's first line, up to 100 characters"),
  dueAt: z.string().nullable().describe('The deadline running now: to acknowledge while new, else to resolve; null once resolved'),
  createdAt: z.string(), acknowledgeDueAt: z.string().nullable(), resolveDueAt: z.string().nullable(), overdue: z.boolean(),
  escalationLevel: z.number(), triage: z.boolean(), assignee: AssigneeRef,
});

export const CaseView = z.object({
  id: z.string(), reference: z.string(), status: Status, urgency: z.string(),
  category: z.object({ code: z.string(), name: z.string(), names: z.record(z.string(), z.string()) }),
  description: z.string(), lat: z.number().nullable(), long: z.number().nullable(), address: z.string().nullable(), channel: z.string(),
  owningUnitId: z.string(), owningUnit: z.object({ name: z.string(), level: z.string() }), receivedByUnitId: z.string(), triage: z.boolean(),
  escalationLevel: z.number(), acknowledgeDueAt: z.string().nullable(), resolveDueAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(), resolvedAt: z.string().nullable(), closedAt: z.string().nullable(), mergedIntoId: z.string().nullable(),
  reopenCount: z.number(), rating: z.object({ stars: z.number(), comment: z.string().nullable() }).nullable(), createdAt: z.string(),
  assignee: AssigneeRef,
  requester: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable()
    .describe('Only along the owning unit\'s chain of ancestors'),
  photos: z.array(PhotoInfo).describe('Sent with the case; each at /cases/{id}/photos/{position}'),
  escalations: z.array(z.object({ fromUnitId: z.string(), toUnitId: z.string(), at: z.string(), deadline: z.string(), level: z.number() })),
  timeline: z.array(z.object({
    at: z.string(), kind: z.string(), public: z.boolean(), actor: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(),
    fromUnitId: z.string().nullable(), toUnitId: z.string().nullable(), note: z.string().nullable(), message: SystemMessage,
    assignee: AssigneeRef.describe('assigned: to whom'),
  })),
  abilities: z.object({ act: z.boolean(), transitions: z.array(z.string()), assign: z.boolean().describe('May assign or unassign it') }),
});

export const TrackView = z.object({
  reference: z.string(), status: Status, category: z.object({ code: z.string(), name: z.string(), names: z.record(z.string(), z.string()) }),
  owningLevel: z.string().describe('The level that owns it now (never a person)'), createdAt: z.string(), resolvedAt: z.string().nullable(),
  updates: z.array(z.object({ at: z.string(), kind: z.string(), status: z.string().nullable(), note: z.string().nullable(), message: SystemMessage })),
  rating: z.object({ stars: z.number(), comment: z.string().nullable() }).nullable(),
  photos: z.array(PhotoInfo).describe('Sent with the case; each at /track/{token}/photos/{position}'),
  can: z.object({ confirm: z.boolean(), reopen: z.boolean(), rate: z.boolean(), addInformation: z.boolean() }),
});

export const TokenParams = z.strictObject({ token: z.string().min(16).max(100) });
