/** What the system writes into timelines and histories, as the server's message keys (issue 14). */
export const enSystem = {
  caseSystem: {
    routed_area: 'the place lies in the service area of {{unit}}',
    routed_locality: 'the address names {{locality}}, a locality of {{unit}}',
    routed_own_cell: "a member's own request goes to their cell, {{unit}}",
    triage_unmatched: 'the place could not be matched to a unit, so the case waits in the triage queue of {{unit}}',
    escalated: 'the deadline to {{deadline}} passed at {{dueAt}}; the case rose to {{unit}}',
    reminded: '{{count}} officials reminded of the deadline to {{deadline}}',
    deadline: { acknowledge: 'acknowledge', resolve: 'resolve' },
    reminderEvent: 'Reminder',
  },
  assignmentSystem: { reported_progress: 'Reported progress' },
  mailLanguage: {
    heading: 'E-mails', label: 'Language of the e-mails you receive', installation: 'The organization’s language', saved: 'Saved.',
  },
};
