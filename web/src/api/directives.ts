import type { paths } from './schema';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> =
  paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;

export type DirectiveView = Json<'/api/v1/directives/{id}', 'get'>;
export type DirectiveItem = DirectiveView['items'][number];
export type Amendment = DirectiveView['amendments'][number];
export type Question = DirectiveView['questions'][number];
export type AssignmentView = Json<'/api/v1/assignments/{id}', 'get'>;
export type AssignmentStatus = AssignmentView['status'];
export type InboxItem = Json<'/api/v1/units/{id}/assignments', 'get'>['items'][number];
export type IssuedItem = Json<'/api/v1/units/{id}/directives', 'get'>['items'][number];
export type Progress = Json<'/api/v1/directives/{id}/progress', 'get'>;
export type ProgressChild = Progress['children'][number];
export type ProgressHistory = Json<'/api/v1/directives/{id}/history', 'get'>;
export type DirectiveBody = NonNullable<paths['/api/v1/directives']['post']['requestBody']>['content']['application/json'];
export type ItemInput = DirectiveBody['items'][number];

export const ASSIGNMENT_STATUSES = ['received', 'acknowledged', 'in_progress', 'done', 'blocked'] as const satisfies readonly AssignmentStatus[];

/** The text in the reader's language where the issuer gave a translation. */
export const translated = (base: string, translations: Record<string, string>, language: string) =>
  translations[language] ?? translations[language.split('-')[0]!] ?? base;
