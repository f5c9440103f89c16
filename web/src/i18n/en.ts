import { enAreas } from './en-areas';
import { enAudit } from './en-audit';
import { enDirectives } from './en-directives';
import { enErrors } from './en-errors';
import { enSystem } from './en-system';
import { enGatherings } from './en-gatherings';
import { enHonesty } from './en-honesty';
import { enToday } from './en-today';
import { enCases } from './en-cases';
import { enPeople } from './en-people';

/** English: the reference catalogue. Every other language has exactly these keys (checked by the type below). */
export const en = {
  common: {
    loading: 'Loading…', searching: 'Searching…', showMore: 'Show more', cancel: 'Cancel', save: 'Save', change: 'change',
  },
  nav: {
    skip: 'Skip to content', main: 'Main', home: 'Home', audit: 'Audit', import: 'Import', account: 'Account',
    signOut: 'Sign out', language: 'Language',
  },
  search: { label: 'Search units and people', noMatch: 'Nothing matches.', unit: 'Unit', person: 'Person' },
  signIn: {
    title: 'Sign in', email: 'E-mail', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
    expired: 'Your session has ended. Sign in again to continue.', signedOut: 'You are signed out.',
  },
  home: {
    title: 'Welcome', yourUnits: 'Your units', noRoot: 'The organization is empty: import it or create the root unit through the API.',
    nothing: 'Your account is not linked to any unit yet. Ask your secretary.',
  },
  notFound: { title: 'Page not found', body: 'There is no page at this address.' },
  levels: { central: 'Central committee', region: 'Region', district: 'District', 'sub-district': 'Sub-district', cell: 'Cell' },
  roles: { secretary: 'Secretary', deputy: 'Deputy', official: 'Official' },
  unit: {
    title: 'Unit', breadcrumbs: 'Where this unit sits', counts: 'Counts', units: 'Units', cells: 'Cells', members: 'Members',
    closed: 'closed', cases: 'Cases', history: 'History of this unit', officials: 'Officials', noOfficials: 'No officials yet.',
    since: 'since {{date}}', subunits: 'Subunits', noSubunits: 'No subunits.', name: 'Name', level: 'Level',
    membersHeading: 'Members', filterMembers: 'Find a member by name', noMembers: 'No members.', noMatchingMembers: 'No member matches.',
    typeToFind: '{{members}} members: type at least {{min}} letters of a name to find them.',
    actions: 'Unit actions', create: 'Add a subunit', createTitle: 'New subunit of {{unit}}', code: 'Code (optional)',
    codeHint: 'A short unique code used in spreadsheets, e.g. D-014.',
    rename: 'Rename', renameTitle: 'Rename {{unit}}', newName: 'New name',
    move: 'Move', moveTitle: 'Move {{unit}}', moveTo: 'New parent', findParent: 'Find the new parent unit', moveConfirm: 'Move it',
    moveSize: 'This moves the unit with everything under it: {{units}} units, {{cells}} cells and {{members}} members.',
    close: 'Close', closeTitle: 'Close {{unit}}', closeConfirm: 'Close the unit',
    closeExplain: 'A closed unit keeps its history but takes no new members or subunits. Only an empty unit can be closed.',
    appoint: 'Appoint', appointTitle: 'Appoint an official of {{unit}}', findPerson: 'Find the person', chosenPerson: 'Person', role: 'Role',
    endTerm: 'End term', endTermOf: 'End the term of {{name}}',
  },
  person: {
    title: 'Person', memberOf: 'Member of', actions: 'Person actions', edit: 'Edit details', editTitle: 'Edit contact details',
    transfer: 'Transfer', transferTitle: 'Transfer {{name}} to another cell', transferConfirm: 'Transfer', currentCell: 'Current cell',
    newCell: 'New cell', findCell: 'Find the new cell', details: 'Details', name: 'Name', email: 'E-mail', phone: 'Phone',
    birthYear: 'Year of birth', roles: 'Roles', noRoles: 'No roles.', history: 'History', what: 'What', unit: 'Unit',
    from: 'From', until: 'Until', now: 'now', membership: 'Member', auditTrail: 'Audit trail of this person',
  },
  audit: {
    title: 'Audit trail', titleOf: 'Audit trail: {{name}}', back: 'Back', all: 'All events in my scope',
    verification: 'Verification', verifyAdminsOnly: 'Each event below shows whether it is linked into the hash chain; verifying the whole chain is for administrators.',
    verified: 'The chain verifies: {{checked}} events checked, {{unchained}} not yet linked.', broken: 'The chain is broken at event {{id}}: {{reason}}',
    verifyAgain: 'Verify again', events: 'Events', none: 'No events.', when: 'When', who: 'Who', what: 'What', chained: 'In chain',
    yes: 'yes', pending: 'pending',
  },
  import: {
    title: 'Import', adminsOnly: 'Importing is for administrators.',
    explain: 'Load units and members from CSV files. The files are checked first and nothing is written until you confirm.',
    unitsFile: 'Units file (units.csv)', unitsHint: 'Columns: code, name, level, parent_code',
    membersFile: 'Members file (members.csv)', membersHint: 'Columns: name, cell_code, email, phone',
    check: 'Check the files', checking: 'Checking…', importing: 'Importing…', progress: 'Progress',
    rowsRead: '{{file}}: {{rows}} rows read', report: 'Validation report', unitsRead: 'Units read', membersRead: 'Members read',
    problems: 'Problems', noProblems: 'No problems found.', fix_one: 'Fix this problem and check again; nothing was written.', fix_other: 'Fix these {{count}} problems and check again; nothing was written.',
    moreProblems_one: 'Showing {{shown}} of {{count}} problem.', moreProblems_other: 'Showing {{shown}} of {{count}} problems.', line: 'Line', column: 'Column', reason: 'Reason',
    readyToImport: 'Ready to import {{units}} units and {{members}} members.', confirm: 'Import now',
    committed: 'Imported {{units}} units and {{members}} members.',
    file: { label: 'File', units: 'Units', members: 'Members' },
  },
  account: {
    title: 'Account', email: 'E-mail', person: 'Person', changePassword: 'Change password', current: 'Current password',
    new: 'New password', repeat: 'New password again', rules: 'At least 10 characters, not a common password.',
    mismatch: 'The two new passwords differ.', changed: 'Password changed. Your other sessions were signed out.',
  },
  urgency: { low: 'Low', normal: 'Normal', urgent: 'Urgent', life_threatening: 'Life-threatening' },
  caseStatus: {
    new: 'New', acknowledged: 'Acknowledged', in_progress: 'In progress', waiting: 'Waiting for the requester', resolved: 'Resolved',
    closed: 'Closed', reopened: 'Reopened', merged: 'Merged into another case',
  },
  caseAction: {
    acknowledged: 'Acknowledge', in_progress: 'Start work', waiting: 'Wait for the requester', resolved: 'Mark resolved', closed: 'Close',
    referred: 'Refer', merged: 'Merge',
  },
  caseEvent: {
    created: 'Received', routed: 'Routed', triage: 'Waiting for triage', acknowledged: 'Acknowledged', in_progress: 'Work started',
    waiting: 'Waiting for the requester', resolved: 'Resolved', closed: 'Closed', referred: 'Referred to another unit', merged: 'Merged',
    escalated: 'Escalated to the unit above', reopened: 'Reopened', confirmed: 'Confirmed by the requester', rated: 'Rated',
    note: 'Note', public_update: 'Update', requester_information: 'Information from the requester',
    assigned: 'Assigned', unassigned: 'Unassigned',
  },
  report: {
    title: 'Bring a difficulty', explain: 'Tell us what is wrong. You need no account; you will get a link to follow the case.',
    category: 'What is it about?', urgency: 'How urgent is it?', description: 'What happened', address: 'Where (address or place name)',
    addressHint: 'A street, a village or a landmark helps us send it to the right people.', contact: 'How to reach you (optional)',
    submit: 'Send', received: 'Received — thank you', reference: 'Reference', keepLink: 'Keep this link: it is the only way to follow the case without an account.',
    follow: 'Follow your case',
  },
  track: {
    title: 'Your case', status: 'Status', owner: 'Handled at', updates: 'Progress', confirm: 'Yes, it is resolved',
    reopenReason: 'Not resolved? Tell us why', information: 'Add information', send: 'Send', reopen: 'Reopen the case',
    stars: 'Your rating', comment: 'Comment (optional)', rate: 'Rate the handling', rated: 'You rated it {{stars}} of 5. Thank you.',
  },
  cases: {
    title: 'Cases', titleOf: 'Cases of {{unit}}', backToUnit: 'Back to the unit', filters: 'Filters', scope: 'Whose cases',
    own: 'This unit', involved: 'Ever handled here or below (escalated or referred away too)', subtree: 'This unit and all below', any: 'Any', overdueOnly: 'Overdue only', escalatedOnly: 'Escalated only',
    queue: 'Queue', none: 'No cases.', due: 'Due', overdue: 'overdue', escalated: 'escalated', triage: 'triage', case: 'Case',
    owner: 'Owned by', acknowledgeBy: 'Acknowledge by', resolveBy: 'Resolve by', requester: 'Requester',
    requesterHidden: 'Visible only to the owning unit and those above it', escalatedTimes_one: 'Escalated once because a deadline passed.', escalatedTimes_other: 'Escalated {{count}} times because deadlines passed.',
    referTitle: 'Refer case {{reference}}', referTo: 'To', findUnit: 'Find the unit that should take it', referReason: 'Why (the receiving unit reads this)',
    fileTitle: 'File a case for someone', file: 'File a case', requesterName: "The person's name",
    next: 'Next step', note: 'Note (optional)', publicNote: 'Show the note to the requester', timeline: 'Timeline', internal: 'internal',
  },
  dashboard: {
    title: 'Casework dashboard', titleOf: 'Casework of {{unit}}', link: 'Dashboard',
    scope: 'Cases owned by this unit and every unit below it.', now: 'Now', handling: 'How they are handled',
    open: 'Open', overdue: 'Overdue at the top', escalated: 'Escalated', resolved: 'Resolved', reopened: 'Reopened',
    ofResolved: '{{pct}} % of resolved', medianAcknowledge: 'Median time to acknowledge', medianResolve: 'Median time to resolve',
    satisfaction: 'Satisfaction', stars_one: '{{avg}} of 5 ({{n}} rating)', stars_other: '{{avg}} of 5 ({{n}} ratings)', hours: '{{n}} h', days_one: '{{n}} day', days_other: '{{n}} days',
    trend: 'Week by week', trendCaption_one: 'Cases opened and resolved this week', trendCaption_other: 'Cases opened and resolved in each of the last {{n}} weeks', week: 'Week of',
    opened: 'Opened', resolvedInWeek: 'Resolved', asTable: 'Show the figures as a table', byCategory: 'By category',
    asOf: 'Figures as of {{at}}, every recorded change included.',
  },
  assign: {
    bulk: 'Bulk actions', selected: 'Selected: {{count}}', select: 'Select {{reference}}', selectAll: 'Select every case on this page',
    to: 'Assign to', choose: 'Choose an official…', assign: 'Assign', unassign: 'Unassign', clear: 'Clear the selection',
    column: 'Assigned to', filter: 'Assigned to', anyone: 'Anyone', me: 'Me', nobody: 'Nobody',
    change: 'Assign to an official of the owning unit', save: 'Save the assignment',
    reason: {
      case_not_found: 'not found', forbidden: 'owned above your unit: you may not assign it', case_closed: 'closed',
      case_merged: 'merged into another case', not_an_official: 'the person holds no role at the unit that owns it',
    },
  },
  merge: {
    open: 'Merge into…', title: 'Merge case {{reference}} into another', submit: 'Merge',
    explain: 'Use this when {{reference}} is a duplicate: it closes as merged and points to the case you keep, where the work goes on. It cannot be undone.',
    target: 'The case to keep: its reference or id', targetHint: 'For example C-7KQ2-M9XD', reason: 'Why (goes into the timeline)',
    mergedInto: 'Merged into', keptCase: 'the case that was kept',
  },
  calendar: {
    title: 'Working-time calendar', titleOf: 'Working-time calendar of {{unit}}', link: 'Working-time calendar',
    explain: 'Case deadlines here count in working time on this calendar; life-threatening cases count around the clock.',
    wallClock: 'No calendar is set here or above: deadlines count around the clock.', own: 'This unit has its own calendar.',
    inheritedFrom: 'Inherited from', inEffect: 'In effect', timeZone: 'Time zone', timeZoneHint: 'An IANA name, e.g. Europe/Berlin or Asia/Seoul',
    day: 'Day', hours: 'Working hours', week: 'Working hours by weekday', restDay: 'Rest day',
    hoursHint: 'Write hours like 09:00-12:00, 13:00-18:00. A day without hours is a rest day.',
    badHours: '{{day}}: write the hours like 09:00-12:00, separated by commas.',
    holidays: 'Holidays', noHolidays: 'No holidays.', date: 'Date', holidayName: 'Name of the holiday', addHoliday: 'Add a holiday',
    remove: 'Remove', removeHoliday: 'Remove the holiday {{name}}',
    editing: 'This unit’s own calendar', edit: 'Edit this unit’s calendar', create: 'Give this unit its own calendar', save: 'Save the calendar',
    saved: 'The calendar is saved.', readOnly: 'The level above sets this unit’s calendar.',
    removeOwn: 'Remove this unit’s own calendar', removeTitle: 'Remove the own calendar of {{unit}}?',
    removeExplain: 'The unit then inherits the calendar of the nearest unit above it that has one, or counts around the clock if none has. Deadlines already set stay as they are.',
  },
  apiKeys: {
    title: 'API keys', titleOf: 'API keys of {{unit}}', link: 'API keys (Open311)', adminsOnly: 'API keys are issued by administrators.',
    explain: 'A key lets a machine client (an Open311 app) file requests that this unit receives. Only a fingerprint of each key is kept.',
    keys: 'Keys', none: 'No keys yet.', name: 'Name', nameHint: 'Who uses it, e.g. City app', issued: 'Issued', status: 'Status',
    active: 'active', revoked: 'revoked {{date}}', issue: 'Issue a key', issueTitle: 'Issue an API key for {{unit}}',
    newKeyTitle: 'The new key “{{name}}”', key: 'Key', copy: 'Copy the key', copied: 'Copied.', done: 'I have stored it',
    warning: 'This is the only time the key is shown. Copy it now and keep it safe: it cannot be shown again. If it is lost, revoke it and issue a new one.',
    copyFailed: 'Copying failed: the key is selected, copy it by hand.',
    revoke: 'Revoke', revokeOf: 'Revoke the key {{name}}', revokeTitle: 'Revoke the key “{{name}}”?',
    revokeExplain: 'Clients using it are refused at once. This cannot be undone.',
  },
  photos: {
    label: 'Photos (optional)', hint: 'Up to {{max}} photos, JPEG, PNG or WebP, at most {{mb}} MB each. Location and other data stored in the files is removed.',
    chosen: 'Chosen', size: '{{kb}} KB', tooMany_one: 'Choose at most {{max}} photos; {{count}} is chosen.', tooMany_other: 'Choose at most {{max}} photos; {{count}} are chosen.',
    tooLarge: '“{{name}}” is larger than {{mb}} MB.', heading: 'Photos', alt: 'Photo {{position}} of {{count}} sent with case {{reference}}',
  },
  ...enDirectives,
  ...enAreas,
  ...enAudit,
  ...enGatherings,
  ...enErrors,
  ...enSystem,
  ...enHonesty,
  ...enToday,
  ...enCases,
  ...enPeople,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof en>;
