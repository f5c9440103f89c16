/** English texts of issue 14's import matching and password links: spread into the reference catalogue in en.ts. */
export const enPeople = {
  importMatch: {
    membersHint: 'Columns: member_code (optional), name, cell_code, email, phone. People already here (same member_code, or the same e-mail when only one person has it) are updated, not added again.',
    added: 'Members added', updated: 'Members updated', unchanged: 'Members unchanged',
    wouldDo: 'This will add {{added}}, update {{updated}} and leave {{unchanged}} unchanged.',
  },
  passwordLink: {
    forgotLink: 'Forgot password?',
    forgotHeading: 'Forgot your password',
    forgotExplain: 'Give the e-mail address you sign in with. If it belongs to an account, a link to choose a new password is sent to it; the link works once, within an hour.',
    email: 'E-mail', send: 'Send the link',
    sent: 'If an account has this address, a link has been sent to it. Check your e-mail.',
    backToSignIn: 'Back to sign-in',
    setHeading: 'Choose your password',
    setExplain: 'At least 10 characters; not a common password and not your e-mail’s name.',
    newPassword: 'New password', repeatPassword: 'Repeat the password', mismatch: 'The two passwords differ.',
    save: 'Save the password',
    done: 'Your password is set. Sign in with it.',
    missingToken: 'This link is incomplete. Open the link from the e-mail again, or ask for a new one.',
    passwordOptional: 'Password (optional)',
    passwordOptionalHint: 'Leave empty to send the person an invitation by e-mail to choose their own (the link works for 72 hours).',
    invited: 'An invitation to choose a password has been sent to {{email}}.',
  },
};
