/** English texts of Today and the phone navigation (issue 14): spread into the reference catalogue in en.ts. */
export const enToday = {
  today: {
    title: 'Today', nothing: 'Nothing needs you right now.', more: 'Showing the {{shown}} most urgent of {{total}}.',
    neverMet: 'Never met', below: 'The cells below {{unit}}', yourWork: 'What needs you',
    kind: {
      case_acknowledge: 'Acknowledge the case', case_overdue: 'Overdue case', case_due_soon: 'Case due soon',
      assignment_acknowledge: 'Acknowledge the directive', assignment_due: 'Directive due', gathering_upcoming: 'Coming up',
      attendance_unrecorded: 'Record the attendance', question_unanswered: 'Answer the question', own_request: 'Your request',
      cells_not_met: 'Cells that have not met', cells_overdue_cases: 'Cells with overdue cases', cells_unacknowledged: 'Cells that have not acknowledged a directive',
    },
    cells: {
      cells_not_met_one: '{{count}} cell has not met in its cadence, or never', cells_not_met_other: '{{count}} cells have not met in their cadence, or never',
      cells_overdue_cases_one: '{{count}} cell has overdue cases', cells_overdue_cases_other: '{{count}} cells have overdue cases',
      cells_unacknowledged_one: '{{count}} cell has not acknowledged a directive', cells_unacknowledged_other: '{{count}} cells have not acknowledged a directive',
    },
    overdueSince: 'was due {{when}}', dueIn: 'due {{when}}', startsAt: 'starts {{when}}', heldAt: 'held {{when}}',
    urgency: { urgent: 'Urgent', life_threatening: 'Life-threatening' },
    rsvp: { yes: 'You said yes', no: 'You said no', maybe: 'You said maybe', none: 'Not answered yet' },
  },
  bottomNav: { label: 'Your work', today: 'Today', cases: 'Cases', directives: 'Directives', meetings: 'Meetings', members: 'Members', more: 'More' },
};
