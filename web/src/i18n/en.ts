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
    closed: 'closed', history: 'History of this unit', officials: 'Officials', noOfficials: 'No officials yet.',
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
    problems: 'Problems', noProblems: 'No problems found.', fix: 'Fix these {{count}} problems and check again; nothing was written.',
    moreProblems: 'Showing {{shown}} of {{count}} problems.', line: 'Line', column: 'Column', reason: 'Reason',
    readyToImport: 'Ready to import {{units}} units and {{members}} members.', confirm: 'Import now',
    committed: 'Imported {{units}} units and {{members}} members.',
    file: { label: 'File', units: 'Units', members: 'Members' },
  },
  account: {
    title: 'Account', email: 'E-mail', person: 'Person', changePassword: 'Change password', current: 'Current password',
    new: 'New password', repeat: 'New password again', rules: 'At least 10 characters, not a common password.',
    mismatch: 'The two new passwords differ.', changed: 'Password changed. Your other sessions were signed out.',
  },
  errors: {
    network: 'The server could not be reached. Check the connection and try again.',
    bad_credentials: 'The e-mail or the password is wrong.',
    too_many_attempts: 'Too many failed sign-ins. Try again later ({{retryAfterSeconds}} seconds).',
    session_expired: 'Your session has ended; sign in again.',
    wrong_password: 'The current password is wrong.',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof en>;
