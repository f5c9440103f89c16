import { describe, expect, it } from 'vitest';
import { caseSystemMessage, withMessage } from './case-event-message.ts';

/** System-written timeline notes reach the web as keys, so Korean readers read them in Korean (issue 14, item 10). */
describe('system notes of the case timeline', () => {
  it('routing reasons, as route-case.ts words them', () => {
    expect(caseSystemMessage({ kind: 'routed', note: 'the place lies in the service area of Cell 1', details: {} }))
      .toEqual({ key: 'routed_area', params: { unit: 'Cell 1' } });
    expect(caseSystemMessage({ kind: 'routed', note: 'the address names Oakwell, a locality of District 2', details: {} }))
      .toEqual({ key: 'routed_locality', params: { locality: 'Oakwell', unit: 'District 2' } });
    expect(caseSystemMessage({ kind: 'routed', note: "a member's own request goes to their cell, Cell 3", details: {} }))
      .toEqual({ key: 'routed_own_cell', params: { unit: 'Cell 3' } });
    expect(caseSystemMessage({ kind: 'triage', note: 'the place could not be matched to a unit, so the case waits in the triage queue of Centre', details: {} }))
      .toEqual({ key: 'triage_unmatched', params: { unit: 'Centre' } });
  });

  it('escalations and reminders, from their details', () => {
    expect(caseSystemMessage({ kind: 'escalated', note: 'The acknowledge deadline passed at 2026-01-05T09:00:00.000Z; the case rose to District 0.', details: { deadline: 'acknowledge', dueAt: '2026-01-05T09:00:00.000Z', level: 1 } }))
      .toEqual({ key: 'escalated', params: { deadline: 'acknowledge', dueAt: '2026-01-05T09:00:00.000Z', unit: 'District 0' } });
    expect(caseSystemMessage({ kind: 'reminded', note: '2 official(s) reminded of the resolve deadline', details: { deadline: 'resolve', dueAt: 'x' } }))
      .toEqual({ key: 'reminded', params: { deadline: 'resolve', count: '2' } });
  });

  it("a person's note stays as written", () => {
    expect(withMessage({ kind: 'note', note: 'Called the requester', details: {} })).toEqual({ note: 'Called the requester', message: null });
    expect(withMessage({ kind: 'routed', note: 'something new', details: {} })).toEqual({ note: 'something new', message: null });
    expect(withMessage({ kind: 'routed', note: 'the place lies in the service area of X', details: {} }))
      .toEqual({ note: 'the place lies in the service area of X', message: { key: 'routed_area', params: { unit: 'X' } } });
  });
});
