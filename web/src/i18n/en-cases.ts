/** English texts added to casework in issue 14 (the queue on a phone, the breakdown below, resolving, the tracking link): spread into en.ts. */
export const enCases = {
  queue: {
    showFilters: 'Filters', showFiltersActive_one: 'Filters ({{count}} on)', showFiltersActive_other: 'Filters ({{count}} on)',
    hideFilters: 'Hide the filters', sort: 'Order', sortDue: 'Most pressing first', sortNewest: 'Newest first',
    dueIn: 'due {{when}}', dueAgo: 'was due {{when}}', noDue: 'no deadline running', noneOwn: 'No cases owned by this unit.',
    seeBelow: 'See the cases of this unit and all below',
  },
  dashboardUnits: {
    heading: 'By unit below', unit: 'Unit', none: 'No units below.',
    openOf: 'Open cases of {{unit}}', overdueOf: 'Overdue cases of {{unit}}', escalatedOf: 'Escalated cases of {{unit}}',
  },
  resolve: {
    open: 'Mark resolved…', title: 'Resolve case {{reference}}?', explain: 'The resident is told by e-mail and on their tracking page, and asked to confirm or reopen it.',
    note: 'Note to the resident: what was done', confirm: 'Resolve and tell the resident',
  },
  reportDone: {
    chooseCategory: 'Choose what it is about',
    address: 'Tracking address', copy: 'Copy the link', copied: 'Copied.', share: 'Share…', copyFailed: 'Could not copy: select the address and copy it.',
    emailed: 'We also sent this link to {{email}}.', noEmail: 'Without an e-mail address nobody can send this link again: write it down or copy it now.',
    shareTitle: 'My request {{reference}}', lost: 'Lost the link later? Get it sent again.',
  },
  recover: {
    title: 'Lost your tracking link?', explain: 'Give the reference of your request and the e-mail address or phone number you gave with it. If they match, we send a new link there; the old one stops working.',
    reference: 'Reference', referenceHint: 'Like C-ABCD-EFGH', contact: 'E-mail address or phone number', submit: 'Send me the link',
    sent: 'If the reference and the contact match a request, a new link is on its way to that contact. We never show it on this page.',
    noSms: 'Only e-mail can be sent for now: text messages are not sent yet.', report: 'Bring a new difficulty',
  },
  signInLinks: { report: 'Not a member? Bring a difficulty without an account', recover: 'Lost the link to your request?' },
};
