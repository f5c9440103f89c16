/** English texts of issue 14's honesty fixes (attendance opening, done with reports, progress states): spread into en.ts. */
export const enHonesty = {
  honesty: {
    attendanceOpensAt: 'Attendance opens when the gathering starts: {{date}}. Invitees can check in with the code from {{checkIn}}.',
    notApplicable: 'Item {{n}} does not apply to this unit',
    notApplicableReason: 'Item {{n}}: why it does not apply (the issuer reads this)',
    notApplicableShown: 'Not applicable: {{reason}}',
    doneTitle: 'Mark the work done?',
    doneExplain: 'The issuer will count this unit as done. You can reopen the work later.',
    doneNote: 'What was done (the issuer reads this)',
    doneConfirm: 'Mark done',
    doneMissing: 'First report on every item (or report it as not applicable, with the reason). Without a report:',
    doneMissingItem: 'Item {{n}}: {{title}}',
    state: 'State', reportedProgress: 'Reported progress', notAcknowledged: 'Not acknowledged',
    childState: '{{state}} · {{reported}} reported',
  },
};

/** English texts of the error codes these fixes add, spread into `errors`. */
