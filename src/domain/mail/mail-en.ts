/**
 * The e-mails Mainstay sends, in English: one template per part, {{name}} for a value.
 * mail-ko.ts has the same keys (test/i18n-catalogues.test.ts holds it to that).
 */
export const mailEn = {
  greetingNamed: 'Dear {{name}},',
  greeting: 'Hello,',
  requesterReceivedSubject: 'We received your request ({{reference}})',
  requesterReceived: 'we received your request {{reference}}. Follow it, add information and confirm the result at:\n{{url}}\n\nKeep this message: the link is the key to your request.',
  requesterReceivedNoLink: 'we received your request {{reference}}. Keep its reference.',
  requesterResolvedSubject: 'Your request is resolved — please confirm ({{reference}})',
  requesterResolved: 'your request {{reference}} has been marked resolved. Please confirm it, or reopen it within 14 days, with the link from our first message.',
  requesterEscalatedSubject: 'Your request has gone to the level above ({{reference}})',
  requesterEscalated: 'your request {{reference}} was not handled in time, so it has gone to the level above, which now answers for it.',
  requesterUpdateSubject: 'An update on your request ({{reference}})',
  requesterUpdate: 'there is news on your request {{reference}}:\n\n{{note}}',
  requesterRecoveredSubject: 'Your new tracking link ({{reference}})',
  requesterRecovered: 'someone asked for the tracking link of your request {{reference}} again. Here is a new one; the old link no longer works:\n{{url}}\n\nIf it was not you, you can ignore this message: the link was sent only to you.',
  caseReminderAcknowledgeSubject: 'Case {{reference}}: acknowledge it by {{due}} UTC',
  caseReminderResolveSubject: 'Case {{reference}}: resolve it by {{due}} UTC',
  caseReminderAcknowledge: 'Case {{reference}} must be acknowledged by {{due}} UTC. If the deadline passes, the case goes to the unit above.',
  caseReminderResolve: 'Case {{reference}} must be resolved by {{due}} UTC. If the deadline passes, the case goes to the unit above.',
  directiveReminderSubject: 'Directive “{{title}}”: due {{due}} UTC',
  directiveReminder: 'An item of the directive “{{title}}” is due by {{due}} UTC. Report your progress before then.',
  invitationSubject: 'Invitation: {{title}}',
  invitationUpdateSubject: 'Updated invitation: {{title}}',
  cancellationSubject: 'Cancelled: {{title}}',
  invitation: 'You are invited to "{{title}}" on {{when}} UTC{{where}}\nConvened by {{unit}}. The attached file adds it to your calendar. Answer in the Mainstay app to say whether you will come (answers sent by your calendar are not read).',
  invitationUpdate: 'The gathering you are invited to has changed. It is now "{{title}}" on {{when}} UTC{{where}}\nConvened by {{unit}}. The attached file updates it in your calendar. Answer in the Mainstay app to say whether you will come (answers sent by your calendar are not read).',
  invitationPlace: ' at {{place}}',
  invitationOnline: ' Online: {{url}}',
  cancellation: '"{{title}}" on {{when}} UTC, convened by {{unit}}, is cancelled.\nReason: {{reason}}\nThe attached file removes it from your calendar.',
};
