// Generated from the OpenAPI document by `npm run api:types`. Do not edit: change the route schemas instead.
export interface paths {
    "/api/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; your other sessions and tokens end (this one stays) */
        post: operations["postAccountPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a sign-in for a person (administrators, and officials over the person's cell)
         * @description With `password` the account is ready at once (administrators, scripts). Without it, the person is sent an invitation by e-mail: a one-time link, valid 72 hours, to choose their own password (`invited: true`).
         */
        post: operations["postAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account; its sessions and tokens end at once */
        post: operations["postAccountsByIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An assignment: the directive as addressed to the unit, its figures, reports and history */
        get: operations["getAssignmentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the issuing unit a question about the directive */
        post: operations["postAssignmentsByIdQuestions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report on one item: a percentage, a figure against the target, a few words, evidence
         * @description As JSON, or with evidence as multipart/form-data: the JSON object in the `report` field and up to five files in `files` (written with the report, or not at all).
         */
        post: operations["postAssignmentsByIdReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an assignment along (the unit's officials and those above); to acknowledged again after an amendment
         * @description `done` only once every item has a report (figures, words, evidence, or not applicable with a reason): else 409 `items_unreported`, naming the items in `details.items`.
         */
        post: operations["postAssignmentsByIdTransition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events within your scope, newest first (administrators and officials; to anyone else, 404 like an unknown address) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the whole hash chain (administrators) */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File a case: an official on someone's behalf, or a member's own request
         * @description As JSON, or with photos as multipart/form-data: the JSON object in the `case` field and up to three files in `photos` (written with the case, or not at all).
         */
        post: operations["postCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its timeline and escalations */
        get: operations["getCasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/photos/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo sent with a case */
        get: operations["getCasesByIdPhotosByPosition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a case along its lifecycle (the owning unit and those above it) */
        post: operations["postCasesByIdTransition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign cases to an official of each case's owning unit, or unassign them; all or nothing
         * @description The owning unit and those above it act. If any case cannot be assigned (out of reach, closed or merged, or the person holds no current role at its owning unit) nothing changes, and error.details.failures lists each case id with its reason.
         */
        post: operations["postCasesAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The categories in use */
        get: operations["getCategories"];
        put?: never;
        /** Configure a category of request (administrators) */
        post: operations["postCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}/directive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a decision into a draft directive of the convening unit, pre-filled and linked both ways */
        post: operations["postDecisionsByIdDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directive-files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A directive's attachment or a report's evidence, for whoever may read the directive or the assignment */
        get: operations["getDirectiveFilesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft a directive (officials of the issuing unit and above)
         * @description As JSON, or with attachments as multipart/form-data: the JSON object in the `directive` field and up to five files in `files` (written with the draft, or not at all).
         */
        post: operations["postDirectives"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A directive with its items, amendments and questions */
        get: operations["getDirectivesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft (title, body, items, target) before it is issued */
        patch: operations["patchDirectivesById"];
        trace?: never;
    };
    "/api/v1/directives/{id}/amend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Amend an issued directive: a new version that receivers see and acknowledge again */
        post: operations["postDirectivesByIdAmend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach files to a directive (the issuing unit and those above)
         * @description multipart/form-data: files in `files`, and a `note`. A draft takes files freely; an issued directive only with a note, as an amendment (a new version listing the files, which receivers acknowledge again); a withdrawn one none. At most five files a directive, all written or none.
         */
        post: operations["postDirectivesByIdAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Completion over time at a unit (default: the issuer), per day — for the chart; computed from the events, not the rollups */
        get: operations["getDirectivesByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a draft: an assignment for every targeted unit, at once */
        post: operations["postDirectivesByIdIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress at a unit (default: the issuer) and its child units, from maintained rollups */
        get: operations["getDirectivesByIdProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/questions/{questionId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question once, for all receivers (the issuing unit) */
        post: operations["postDirectivesByIdQuestionsByQuestionIdAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directives/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an issued directive (assignments and their history stay) */
        post: operations["postDirectivesByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a gathering (officials of the convening unit and above) */
        post: operations["postGatherings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A gathering with its sessions, agenda and minutes, decisions, invitees and attendance */
        get: operations["getGatheringsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the time, place, title or agenda (convening officials). Invitees already told get one update (iTIP REQUEST, SEQUENCE raised); a change that changes nothing sends nothing */
        patch: operations["patchGatheringsById"];
        trace?: never;
    };
    "/api/v1/gatherings/{id}/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an agenda item (no index) or write the minutes of one */
        post: operations["postGatheringsByIdAgenda"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one invitee's attendance (the secretary's tap)
         * @description Open from the session's start: before it, 409 `attendance_not_open` with `details.opensAt`.
         */
        post: operations["postGatheringsByIdAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call the gathering off, with the reason invitees are told (iTIP CANCEL to those already told). Not once it was held */
        post: operations["postGatheringsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check yourself in with the code shown at the gathering (invitees)
         * @description Open from an hour before the session's start: before it, 409 `attendance_not_open` with `details.opensAt`.
         */
        post: operations["postGatheringsByIdCheckIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a decision, with its votes where a vote was taken */
        post: operations["postGatheringsByIdDecisions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/invitees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitees by name, a page at a time */
        get: operations["getGatheringsByIdInvitees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a conference: the units it covers, represented or not, their meeting regularity and attendance, and the tasks it set */
        get: operations["getGatheringsByIdReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/rsvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say whether you will come (invitees) */
        post: operations["postGatheringsByIdRsvp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gatherings/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the invitees from the rule, now, keep them, and send the invitations */
        post: operations["postGatheringsByIdSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import units and members from CSV files (administrators)
         * @description The same files as `mainstay import`: units `code,name,level,parent_code` and members `member_code,name,cell_code,email,phone` (member_code may be left out; rows are matched to people already there by it, or by an e-mail unique in the file and the organization, and updated or left unchanged), as multipart/form-data file fields `units` and/or `members` (at most 64 MiB each). Everything is validated first; with any bad row nothing is written unless skipBad=true, and dryRun=true never writes. The answer streams as NDJSON (application/x-ndjson): `progress` lines while rows are read, then one `report` line — or, if the import fails on the way, one `error` line. Refusals before the stream starts (not signed in, not an administrator, no file, not multipart, a file too large) are the usual JSON errors.
         */
        post: operations["postImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The levels of the tree, top first; the last is the cell level */
        get: operations["getLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What needs the signed-in person now, most urgent first
         * @description Across every unit where the person holds a term: cases to acknowledge, overdue or due within 2 days in those units' queues; directives to acknowledge and assignments due within 7 days or overdue; gatherings within 14 days (those convened and those the person is invited to, with their answer; the next one always) and meetings of the last 30 days with no attendance recorded; questions on their directives waiting for an answer. For units above the cells (and administrators, from the root): the cells below that have not met in their cadence or never met, have overdue cases or have not acknowledged a directive, as one line per unit with the count. For everyone: their cell's next meeting and their own open requests. Order: the cells lines, then what is past due (longest first), then what is due (soonest first), then the rest. At most 50 items; `counts` counts every line of each kind (the cells kinds: cells).
         */
        get: operations["getMeToday"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot password: mails a one-time link (valid 1 hour) to choose a new one
         * @description The same answer (204) whether or not the address has an account. Rate-limited: 429 after too many requests from one address in an hour; beyond a few mails an hour to one e-mail, requests are answered alike but send nothing.
         */
        post: operations["postPasswordForgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password/set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a password with the token of an invitation or a reset link; every session of the account ends
         * @description The token is the last part of the link (`/set-password/<token>`). A link works once and expires (an invitation after 72 hours, a reset after 1 hour); a newer link replaces an older one. 422 `link_invalid` otherwise.
         */
        post: operations["postPasswordSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a person as a member of a cell */
        post: operations["postPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person, their cell and current roles */
        get: operations["getPeopleById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a person's name, contact details or e-mail language (null clears a field) */
        patch: operations["patchPeopleById"];
        trace?: never;
    };
    "/api/v1/people/{id}/anonymise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace name and contact details for good, keeping history (administrators) */
        post: operations["postPeopleByIdAnonymise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's attendance over time */
        get: operations["getPeopleByIdAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/calendar-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your secret calendar address (.ics), for calendar apps */
        get: operations["getPeopleByIdCalendarLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's gatherings as an iCalendar feed (RFC 5545); the token comes from …/calendar-link */
        get: operations["getPeopleByIdCalendarIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's full record and history as JSON (the person, or an official over them) */
        get: operations["getPeopleByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/gatherings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gatherings a person was invited to, latest first */
        get: operations["getPeopleByIdGatherings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Memberships and roles, oldest first */
        get: operations["getPeopleByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a member to another cell */
        post: operations["postPeopleByIdTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pick your area: the open units below one (the top when none), or those whose name contains q
         * @description Only open units, and only what the form shows: name, level, the names of the units above, whether open units lie below. At most 50.
         */
        get: operations["getPublicAreas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/areas/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a place lies, as the form would route it: the unit, or null (then the form asks to pick an area) */
        get: operations["getPublicAreasMatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bring a difficulty (no account): answers a tracking token and a reference
         * @description As JSON, or — to send photos — as multipart/form-data: the same JSON object in the `case` field and up to three files in `photos`. The case and its photos are written together or not at all: one refused photo refuses the case.
         */
        post: operations["postPublicCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The categories the public form offers */
        get: operations["getPublicCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The map tiles this installation uses (null: none; maps then draw shapes and points on a blank background) */
        get: operations["getPublicMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/track/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A lost tracking link: sent again to the contact given with the request, never shown
         * @description The reference and the e-mail address or phone number given with the request. If they match, a new link is sent to that contact (e-mail only for now; text messages are not sent yet) and the old link stops working. The answer is the same whether the pair matched, did not, or the reference is unknown.
         */
        post: operations["postPublicTrackRecover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find units and people by part of their name, anywhere in your scope
         * @description Case-insensitive. Administrators search everything, officials their units and all below, members their own cell. Best matches first: the whole name, then the start of a word, then anywhere; a query of 2 characters matches word starts only. Open units only. Up to `limit` of each kind (default 10).
         */
        get: operations["getSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, their scope, and the CSRF token for cookie writes */
        get: operations["getSession"];
        put?: never;
        /** Sign in: a bearer token, and for browsers a session cookie plus the CSRF token their writes must send */
        post: operations["postSession"];
        /** Sign out: the session ends at once, server-side */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (never their secret) */
        get: operations["getTokens"];
        put?: never;
        /** Create a named bearer token for an API client (shown once) */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token at once */
        delete: operations["deleteTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow a case by its tracking token */
        get: operations["getTrackByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the resolution: the case closes */
        post: operations["postTrackByTokenConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}/information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add information to an open case (a case waiting on it resumes) */
        post: operations["postTrackByTokenInformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}/photos/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo sent with the case, by its tracking token */
        get: operations["getTrackByTokenPhotosByPosition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the handling of a resolved case, once */
        post: operations["postTrackByTokenRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track/{token}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not resolved after all: reopen within 14 days of the resolution */
        post: operations["postTrackByTokenReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a unit (parentId null creates the root, once) */
        post: operations["postUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit with its ancestors and subtree counts */
        get: operations["getUnitsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a unit */
        patch: operations["patchUnitsById"];
        trace?: never;
    };
    "/api/v1/units/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's API keys, newest first, revoked ones included (administrators); never the key itself */
        get: operations["getUnitsByIdApiKeys"];
        put?: never;
        /** Issue an API key for the unit (administrators); the key is shown this once */
        post: operations["postUnitsByIdApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the unit's API keys at once (administrators) */
        delete: operations["deleteUnitsByIdApiKeysByKeyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's assignments: not yet acknowledged (new or amended) first, then newest */
        get: operations["getUnitsByIdAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/cadence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** How often the unit is expected to meet (null: no cadence) */
        put: operations["putUnitsByIdCadence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's effective working-time calendar (its own or inherited) and where it comes from */
        get: operations["getUnitsByIdCalendar"];
        /** Set or replace the unit's own calendar (inherited by the units below without one) */
        put: operations["putUnitsByIdCalendar"];
        post?: never;
        /** Remove the unit's own calendar: it inherits again (wall-clock time if none above) */
        delete: operations["deleteUnitsByIdCalendar"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/case-dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's casework figures for its whole subtree, from maintained rollups */
        get: operations["getUnitsByIdCaseDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's case queue, newest first or most pressing first */
        get: operations["getUnitsByIdCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subunits by name */
        get: operations["getUnitsByIdChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an empty unit (kept with its history) */
        post: operations["postUnitsByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/directives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Directives a unit issued, newest first */
        get: operations["getUnitsByIdDirectives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/gatherings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gatherings a unit convened, latest first */
        get: operations["getUnitsByIdGatherings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/meeting-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's meeting statistics for its subtree, and each child's, from rollups */
        get: operations["getUnitsByIdMeetingStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the unit (direct) or of every cell below it (subtree), by name */
        get: operations["getUnitsByIdMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a unit and its subtree under another parent */
        post: operations["postUnitsByIdMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/officials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current officials of a unit */
        get: operations["getUnitsByIdOfficials"];
        put?: never;
        /** Appoint a person to a role at the unit */
        post: operations["postUnitsByIdOfficials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/officials/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a person's current term at the unit */
        delete: operations["deleteUnitsByIdOfficialsByPersonId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/service-area": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's service area: its polygon and localities (empty when never set), and whether you may change it */
        get: operations["getUnitsByIdServiceArea"];
        /** Where a unit serves: a GeoJSON polygon and named localities, for routing cases (the level above) */
        put: operations["putUnitsByIdServiceArea"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/root": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The root unit */
        get: operations["getUnitsRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every 4xx and 5xx answer of /api/v1 has this shape */
        Error: {
            error: {
                /** @description Stable, machine-readable */
                code: string;
                /** @description Facts about the refusal (e.g. the field, or `issues` of a validation failure) */
                details: {
                    [key: string]: unknown;
                };
                /** @description Readable by a person */
                message: string;
            };
        };
    };
    responses: {
        /** @description The request is not valid: a parameter, the query string or the body breaks the schema (`validation_failed`, with the issues in `details.issues`), or the body is not JSON */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change conflicts with the object's state or with a change made at the same time */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Signed in, but not allowed to do this (inside the actor's scope), or a write with the session cookie without its CSRF token */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The path exists but not with this method; `Allow` lists the methods it takes */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such object, or it is outside the actor's scope (both answer the same) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body (or an uploaded file, or the number of parts) is larger than allowed */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests from this address, or too many failed sign-ins; `Retry-After` says when to come back */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No valid session or bearer token */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The server is shutting down or its database is unreachable; try again (`Retry-After`) */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Well-formed, but the domain refuses it (a rule of the organization or of the object's state) */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not in a media type this operation takes */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A path parameter is longer than the server accepts */
        UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAccountPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password?: string;
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    personId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description An invitation to choose a password was mailed */
                        invited: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAccountsByIdDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAssignmentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            act: boolean;
                            transitions: ("received" | "acknowledged" | "in_progress" | "done" | "blocked")[];
                        };
                        acknowledgedVersion: number;
                        blockedReason: string | null;
                        directive: {
                            amendments: {
                                at: string;
                                by: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                                note: string | null;
                                version: number;
                            }[];
                            bodies: {
                                [key: string]: string;
                            };
                            body: string;
                            createdAt: string;
                            /** @description Attachments, oldest first: GET /directive-files/{id} */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            id: string;
                            issuedAt: string | null;
                            issuerName: string;
                            issuerUnitId: string;
                            items: {
                                dueAt: string;
                                index: number;
                                target: number | null;
                                title: string;
                                unitLabel: string | null;
                            }[];
                            questions: {
                                answer: string | null;
                                answeredAt: string | null;
                                askedAt: string;
                                askedBy: string;
                                id: string;
                                text: string;
                                unitId: string;
                            }[];
                            source: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "draft" | "issued" | "withdrawn";
                            target: {
                                depth: number | null;
                                /** @enum {string} */
                                kind: "all" | "level" | "subtrees";
                                unitIds: string[];
                            };
                            title: string;
                            titles: {
                                [key: string]: string;
                            };
                            version: number;
                            withdrawnAt: string | null;
                            withdrawReason: string | null;
                        };
                        directiveId: string;
                        history: {
                            at: string;
                            by: string;
                            from: string | null;
                            /**
                             * @description A step the system recorded, as a key for the web to word in the reader's language (`reason` keeps the English text as stored)
                             * @enum {string|null}
                             */
                            message: "reported_progress" | null;
                            reason: string | null;
                            to: string | null;
                        }[];
                        id: string;
                        items: {
                            dueAt: string;
                            index: number;
                            percent: number | null;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                            value: number | null;
                        }[];
                        needsAcknowledgement: boolean;
                        nextDueAt: string | null;
                        overdue: boolean;
                        reports: {
                            at: string;
                            by: string;
                            /** @description Evidence sent with the report */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            itemIndex: number;
                            /** @description The item does not apply to the unit; `text` says why */
                            notApplicable: boolean;
                            percent: number | null;
                            text: string | null;
                            value: number | null;
                        }[];
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
                        unitId: string;
                        unitName: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAssignmentsByIdQuestions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAssignmentsByIdReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    itemIndex: number;
                    /** @description The item does not apply to the unit: give the reason in `text`, and no figures */
                    notApplicable?: boolean;
                    percent?: number;
                    text?: string;
                    value?: number;
                };
                "multipart/form-data": {
                    /** @description Up to 5 files of at most 10 MiB each: JPEG, PNG or WebP photos (location and other metadata stripped), PDF, or plain UTF-8 text such as CSV. The type is read from the bytes, never from the name. */
                    files?: string[];
                    /** @description The same object as the JSON body, as JSON text */
                    report: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            act: boolean;
                            transitions: ("received" | "acknowledged" | "in_progress" | "done" | "blocked")[];
                        };
                        acknowledgedVersion: number;
                        blockedReason: string | null;
                        directive: {
                            amendments: {
                                at: string;
                                by: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                                note: string | null;
                                version: number;
                            }[];
                            bodies: {
                                [key: string]: string;
                            };
                            body: string;
                            createdAt: string;
                            /** @description Attachments, oldest first: GET /directive-files/{id} */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            id: string;
                            issuedAt: string | null;
                            issuerName: string;
                            issuerUnitId: string;
                            items: {
                                dueAt: string;
                                index: number;
                                target: number | null;
                                title: string;
                                unitLabel: string | null;
                            }[];
                            questions: {
                                answer: string | null;
                                answeredAt: string | null;
                                askedAt: string;
                                askedBy: string;
                                id: string;
                                text: string;
                                unitId: string;
                            }[];
                            source: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "draft" | "issued" | "withdrawn";
                            target: {
                                depth: number | null;
                                /** @enum {string} */
                                kind: "all" | "level" | "subtrees";
                                unitIds: string[];
                            };
                            title: string;
                            titles: {
                                [key: string]: string;
                            };
                            version: number;
                            withdrawnAt: string | null;
                            withdrawReason: string | null;
                        };
                        directiveId: string;
                        history: {
                            at: string;
                            by: string;
                            from: string | null;
                            /**
                             * @description A step the system recorded, as a key for the web to word in the reader's language (`reason` keeps the English text as stored)
                             * @enum {string|null}
                             */
                            message: "reported_progress" | null;
                            reason: string | null;
                            to: string | null;
                        }[];
                        id: string;
                        items: {
                            dueAt: string;
                            index: number;
                            percent: number | null;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                            value: number | null;
                        }[];
                        needsAcknowledgement: boolean;
                        nextDueAt: string | null;
                        overdue: boolean;
                        reports: {
                            at: string;
                            by: string;
                            /** @description Evidence sent with the report */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            itemIndex: number;
                            /** @description The item does not apply to the unit; `text` says why */
                            notApplicable: boolean;
                            percent: number | null;
                            text: string | null;
                            value: number | null;
                        }[];
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
                        unitId: string;
                        unitName: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postAssignmentsByIdTransition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Required to block */
                    reason?: string;
                    /** @enum {string} */
                    to: "acknowledged" | "in_progress" | "done" | "blocked";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            act: boolean;
                            transitions: ("received" | "acknowledged" | "in_progress" | "done" | "blocked")[];
                        };
                        acknowledgedVersion: number;
                        blockedReason: string | null;
                        directive: {
                            amendments: {
                                at: string;
                                by: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                                note: string | null;
                                version: number;
                            }[];
                            bodies: {
                                [key: string]: string;
                            };
                            body: string;
                            createdAt: string;
                            /** @description Attachments, oldest first: GET /directive-files/{id} */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            id: string;
                            issuedAt: string | null;
                            issuerName: string;
                            issuerUnitId: string;
                            items: {
                                dueAt: string;
                                index: number;
                                target: number | null;
                                title: string;
                                unitLabel: string | null;
                            }[];
                            questions: {
                                answer: string | null;
                                answeredAt: string | null;
                                askedAt: string;
                                askedBy: string;
                                id: string;
                                text: string;
                                unitId: string;
                            }[];
                            source: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "draft" | "issued" | "withdrawn";
                            target: {
                                depth: number | null;
                                /** @enum {string} */
                                kind: "all" | "level" | "subtrees";
                                unitIds: string[];
                            };
                            title: string;
                            titles: {
                                [key: string]: string;
                            };
                            version: number;
                            withdrawnAt: string | null;
                            withdrawReason: string | null;
                        };
                        directiveId: string;
                        history: {
                            at: string;
                            by: string;
                            from: string | null;
                            /**
                             * @description A step the system recorded, as a key for the web to word in the reader's language (`reason` keeps the English text as stored)
                             * @enum {string|null}
                             */
                            message: "reported_progress" | null;
                            reason: string | null;
                            to: string | null;
                        }[];
                        id: string;
                        items: {
                            dueAt: string;
                            index: number;
                            percent: number | null;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                            value: number | null;
                        }[];
                        needsAcknowledgement: boolean;
                        nextDueAt: string | null;
                        overdue: boolean;
                        reports: {
                            at: string;
                            by: string;
                            /** @description Evidence sent with the report */
                            files: {
                                /** @description Photos only */
                                height: number | null;
                                id: string;
                                /** @enum {string} */
                                kind: "attachment" | "evidence";
                                /** @enum {string} */
                                mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                                name: string;
                                size: number;
                                /** @description Photos only */
                                width: number | null;
                            }[];
                            itemIndex: number;
                            /** @description The item does not apply to the unit; `text` says why */
                            notApplicable: boolean;
                            percent: number | null;
                            text: string | null;
                            value: number | null;
                        }[];
                        /** @enum {string} */
                        status: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
                        unitId: string;
                        unitName: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description A unit or person id: events about it or belonging to that unit */
                entity?: string;
                /** @description From this date (UTC day) or instant, inclusive */
                from?: string;
                /** @description An action (`gathering.attendance`) or a family of actions (`gathering`) */
                kind?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description Events this person did or that are about them */
                person?: string;
                /** @description Up to this date (UTC day, inclusive) or instant (exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actor: string;
                            after: unknown;
                            at: string;
                            before: unknown;
                            /** @description Linked into the hash chain yet (within seconds of commit) */
                            chained: boolean;
                            details: unknown;
                            id: number;
                            /** @description Names resolved on the server for the events of one page, only those the reader may see; the web writes each event as a sentence from them */
                            names: {
                                /** @description The actor's person (id is the person's), when the reader may see them; else show `actor` */
                                actor: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description Moved or transferred from (a unit) */
                                from: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description The person the event is about */
                                person: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description What the event is about: the unit, gathering, case (its reference), directive, assignment (its directive) or category */
                                subject: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description Moved or transferred to (a unit) */
                                to: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description The unit the event belongs to */
                                unit: {
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            requestId: string | null;
                            targetId: string | null;
                            targetType: string;
                            unitId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checked: number;
                        firstBroken?: {
                            chainSeq: number;
                            id: number;
                            reason: string;
                        };
                        ok: boolean;
                        unchained: number;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    categoryCode: string;
                    description: string;
                    lat?: number;
                    long?: number;
                    /**
                     * Format: uuid
                     * @description Whose triage queue takes it if it cannot be placed (default: your unit)
                     */
                    receivedByUnitId?: string;
                    requester?: {
                        /** Format: email */
                        email?: string;
                        name?: string;
                        phone?: string;
                    };
                    /** @enum {string} */
                    urgency: "low" | "normal" | "urgent" | "life_threatening";
                };
                "multipart/form-data": {
                    /** @description The same object as the JSON body, as JSON text */
                    case: string;
                    /** @description Up to 3 JPEG, PNG or WebP images of at most 5 MiB each (the type is read from the bytes; location and other metadata are stripped) */
                    photos?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owningUnitId: string;
                        /** @description Short, to read out on the phone */
                        reference: string;
                        /** @description The requester's key to /track/{token}; shown once */
                        trackingToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            act: boolean;
                            /** @description May assign or unassign it */
                            assign: boolean;
                            transitions: string[];
                        };
                        acknowledgedAt: string | null;
                        acknowledgeDueAt: string | null;
                        address: string | null;
                        /** @description The official of the owning unit the case is assigned to (null: nobody) */
                        assignee: {
                            name: string;
                            personId: string;
                        } | null;
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        channel: string;
                        closedAt: string | null;
                        createdAt: string;
                        description: string;
                        escalationLevel: number;
                        escalations: {
                            at: string;
                            deadline: string;
                            fromUnitId: string;
                            level: number;
                            toUnitId: string;
                        }[];
                        id: string;
                        lat: number | null;
                        long: number | null;
                        mergedIntoId: string | null;
                        owningUnit: {
                            level: string;
                            name: string;
                        };
                        owningUnitId: string;
                        /** @description Sent with the case; each at /cases/{id}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        receivedByUnitId: string;
                        reference: string;
                        reopenCount: number;
                        /** @description Only along the owning unit's chain of ancestors */
                        requester: {
                            email: string | null;
                            name: string | null;
                            phone: string | null;
                        } | null;
                        resolvedAt: string | null;
                        resolveDueAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        timeline: {
                            actor: string;
                            /** @description assigned: to whom */
                            assignee: {
                                name: string;
                                personId: string;
                            } | null;
                            at: string;
                            fromStatus: string | null;
                            fromUnitId: string | null;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            public: boolean;
                            toStatus: string | null;
                            toUnitId: string | null;
                        }[];
                        triage: boolean;
                        urgency: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCasesByIdPhotosByPosition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
                /** @description 1 to 3, in the order the photos were sent */
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image as stored: its type sniffed at upload, metadata stripped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postCasesByIdTransition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description merged: the case this one duplicates
                     */
                    intoCaseId?: string;
                    /** @description merged: the case this one duplicates, by its reference (instead of intoCaseId) */
                    intoReference?: string;
                    /** @description Why; required for a referral */
                    note?: string;
                    /** @description Show the note to the requester (default: internal) */
                    publicNote?: boolean;
                    /** @enum {string} */
                    to: "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "referred" | "merged";
                    /**
                     * Format: uuid
                     * @description referred: the unit that takes the case
                     */
                    toUnitId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            act: boolean;
                            /** @description May assign or unassign it */
                            assign: boolean;
                            transitions: string[];
                        };
                        acknowledgedAt: string | null;
                        acknowledgeDueAt: string | null;
                        address: string | null;
                        /** @description The official of the owning unit the case is assigned to (null: nobody) */
                        assignee: {
                            name: string;
                            personId: string;
                        } | null;
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        channel: string;
                        closedAt: string | null;
                        createdAt: string;
                        description: string;
                        escalationLevel: number;
                        escalations: {
                            at: string;
                            deadline: string;
                            fromUnitId: string;
                            level: number;
                            toUnitId: string;
                        }[];
                        id: string;
                        lat: number | null;
                        long: number | null;
                        mergedIntoId: string | null;
                        owningUnit: {
                            level: string;
                            name: string;
                        };
                        owningUnitId: string;
                        /** @description Sent with the case; each at /cases/{id}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        receivedByUnitId: string;
                        reference: string;
                        reopenCount: number;
                        /** @description Only along the owning unit's chain of ancestors */
                        requester: {
                            email: string | null;
                            name: string | null;
                            phone: string | null;
                        } | null;
                        resolvedAt: string | null;
                        resolveDueAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        timeline: {
                            actor: string;
                            /** @description assigned: to whom */
                            assignee: {
                                name: string;
                                personId: string;
                            } | null;
                            at: string;
                            fromStatus: string | null;
                            fromUnitId: string | null;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            public: boolean;
                            toStatus: string | null;
                            toUnitId: string | null;
                        }[];
                        triage: boolean;
                        urgency: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postCasesAssign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description An official of the owning unit, or null to unassign
                     */
                    assigneePersonId: string | null;
                    caseIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cases whose assignee changed (the rest already had it) */
                        changed: number;
                        items: {
                            /** @description The official of the owning unit the case is assigned to (null: nobody) */
                            assignee: {
                                name: string;
                                personId: string;
                            } | null;
                            id: string;
                            reference: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            deadlines: {
                                life_threatening: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                low: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                normal: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                urgent: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                            };
                            /** @description The level that handles it, e.g. "cell" or "district" */
                            handlingLevel: string;
                            id: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                            /** @description Offered on the public form and in Open311 */
                            public: boolean;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    deadlines: {
                        life_threatening: {
                            acknowledgeHours: number;
                            resolveHours: number;
                        };
                        low: {
                            acknowledgeHours: number;
                            resolveHours: number;
                        };
                        normal: {
                            acknowledgeHours: number;
                            resolveHours: number;
                        };
                        urgent: {
                            acknowledgeHours: number;
                            resolveHours: number;
                        };
                    };
                    /** @description The level that handles it, e.g. "cell" or "district" */
                    handlingLevel: string;
                    name: string;
                    /** @description Translations by language */
                    names?: {
                        [key: string]: string;
                    };
                    /** @description Offered on the public form and in Open311 */
                    public: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        deadlines: {
                            life_threatening: {
                                acknowledgeHours: number;
                                resolveHours: number;
                            };
                            low: {
                                acknowledgeHours: number;
                                resolveHours: number;
                            };
                            normal: {
                                acknowledgeHours: number;
                                resolveHours: number;
                            };
                            urgent: {
                                acknowledgeHours: number;
                                resolveHours: number;
                            };
                        };
                        /** @description The level that handles it, e.g. "cell" or "district" */
                        handlingLevel: string;
                        id: string;
                        name: string;
                        names: {
                            [key: string]: string;
                        };
                        /** @description Offered on the public form and in Open311 */
                        public: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDecisionsByIdDirective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            amend: boolean;
                            answer: boolean;
                            attach: boolean;
                            issue: boolean;
                            manage: boolean;
                            withdraw: boolean;
                        };
                        amendments: {
                            at: string;
                            by: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            note: string | null;
                            version: number;
                        }[];
                        bodies: {
                            [key: string]: string;
                        };
                        body: string;
                        createdAt: string;
                        /** @description Attachments, oldest first: GET /directive-files/{id} */
                        files: {
                            /** @description Photos only */
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "attachment" | "evidence";
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                            name: string;
                            size: number;
                            /** @description Photos only */
                            width: number | null;
                        }[];
                        id: string;
                        issuedAt: string | null;
                        issuerName: string;
                        issuerUnitId: string;
                        items: {
                            dueAt: string;
                            index: number;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                        }[];
                        questions: {
                            answer: string | null;
                            answeredAt: string | null;
                            askedAt: string;
                            askedBy: string;
                            id: string;
                            text: string;
                            unitId: string;
                        }[];
                        /** @description A draft: how many units it would reach if issued now */
                        reach: number | null;
                        source: {
                            [key: string]: unknown;
                        } | null;
                        /** @enum {string} */
                        status: "draft" | "issued" | "withdrawn";
                        target: {
                            depth: number | null;
                            /** @enum {string} */
                            kind: "all" | "level" | "subtrees";
                            unitIds: string[];
                        };
                        title: string;
                        titles: {
                            [key: string]: string;
                        };
                        version: number;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDirectiveFilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as stored: its type sniffed at upload; photos inline (metadata stripped), anything else as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectives: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description By language code, e.g. { "ko": "…" } */
                    bodies?: {
                        [key: string]: string;
                    };
                    body: string;
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    issuerUnitId: string;
                    items: {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        dueAt: string;
                        /** @description A measurable target per unit, e.g. houses repaired: 40 */
                        target?: number;
                        title: string;
                        /** @description What the figure counts, e.g. "houses" */
                        unitLabel?: string;
                    }[];
                    target: {
                        /**
                         * @description all: every unit below the issuer; level: the units of one level; subtrees: chosen units and all below them
                         * @enum {string}
                         */
                        kind: "all" | "level" | "subtrees";
                        level?: string;
                        unitIds?: string[];
                    };
                    title: string;
                    /** @description By language code, e.g. { "ko": "…" } */
                    titles?: {
                        [key: string]: string;
                    };
                };
                "multipart/form-data": {
                    /** @description The same object as the JSON body, as JSON text */
                    directive: string;
                    /** @description Up to 5 files of at most 10 MiB each: JPEG, PNG or WebP photos (location and other metadata stripped), PDF, or plain UTF-8 text such as CSV. The type is read from the bytes, never from the name. */
                    files?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "draft";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDirectivesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            amend: boolean;
                            answer: boolean;
                            attach: boolean;
                            issue: boolean;
                            manage: boolean;
                            withdraw: boolean;
                        };
                        amendments: {
                            at: string;
                            by: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            note: string | null;
                            version: number;
                        }[];
                        bodies: {
                            [key: string]: string;
                        };
                        body: string;
                        createdAt: string;
                        /** @description Attachments, oldest first: GET /directive-files/{id} */
                        files: {
                            /** @description Photos only */
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "attachment" | "evidence";
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                            name: string;
                            size: number;
                            /** @description Photos only */
                            width: number | null;
                        }[];
                        id: string;
                        issuedAt: string | null;
                        issuerName: string;
                        issuerUnitId: string;
                        items: {
                            dueAt: string;
                            index: number;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                        }[];
                        questions: {
                            answer: string | null;
                            answeredAt: string | null;
                            askedAt: string;
                            askedBy: string;
                            id: string;
                            text: string;
                            unitId: string;
                        }[];
                        /** @description A draft: how many units it would reach if issued now */
                        reach: number | null;
                        source: {
                            [key: string]: unknown;
                        } | null;
                        /** @enum {string} */
                        status: "draft" | "issued" | "withdrawn";
                        target: {
                            depth: number | null;
                            /** @enum {string} */
                            kind: "all" | "level" | "subtrees";
                            unitIds: string[];
                        };
                        title: string;
                        titles: {
                            [key: string]: string;
                        };
                        version: number;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    patchDirectivesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    items?: {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        dueAt: string;
                        /** @description A measurable target per unit, e.g. houses repaired: 40 */
                        target?: number;
                        title: string;
                        /** @description What the figure counts, e.g. "houses" */
                        unitLabel?: string;
                    }[];
                    target?: {
                        /**
                         * @description all: every unit below the issuer; level: the units of one level; subtrees: chosen units and all below them
                         * @enum {string}
                         */
                        kind: "all" | "level" | "subtrees";
                        level?: string;
                        unitIds?: string[];
                    };
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            amend: boolean;
                            answer: boolean;
                            attach: boolean;
                            issue: boolean;
                            manage: boolean;
                            withdraw: boolean;
                        };
                        amendments: {
                            at: string;
                            by: string;
                            changes: {
                                [key: string]: unknown;
                            };
                            note: string | null;
                            version: number;
                        }[];
                        bodies: {
                            [key: string]: string;
                        };
                        body: string;
                        createdAt: string;
                        /** @description Attachments, oldest first: GET /directive-files/{id} */
                        files: {
                            /** @description Photos only */
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "attachment" | "evidence";
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                            name: string;
                            size: number;
                            /** @description Photos only */
                            width: number | null;
                        }[];
                        id: string;
                        issuedAt: string | null;
                        issuerName: string;
                        issuerUnitId: string;
                        items: {
                            dueAt: string;
                            index: number;
                            target: number | null;
                            title: string;
                            unitLabel: string | null;
                        }[];
                        questions: {
                            answer: string | null;
                            answeredAt: string | null;
                            askedAt: string;
                            askedBy: string;
                            id: string;
                            text: string;
                            unitId: string;
                        }[];
                        /** @description A draft: how many units it would reach if issued now */
                        reach: number | null;
                        source: {
                            [key: string]: unknown;
                        } | null;
                        /** @enum {string} */
                        status: "draft" | "issued" | "withdrawn";
                        target: {
                            depth: number | null;
                            /** @enum {string} */
                            kind: "all" | "level" | "subtrees";
                            unitIds: string[];
                        };
                        title: string;
                        titles: {
                            [key: string]: string;
                        };
                        version: number;
                        withdrawnAt: string | null;
                        withdrawReason: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectivesByIdAmend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    items?: {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        dueAt: string;
                        /** @description A measurable target per unit, e.g. houses repaired: 40 */
                        target?: number;
                        title: string;
                        /** @description What the figure counts, e.g. "houses" */
                        unitLabel?: string;
                    }[];
                    /** @description What changed and why */
                    note: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectivesByIdAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description Up to 5 files of at most 10 MiB each: JPEG, PNG or WebP photos (location and other metadata stripped), PDF, or plain UTF-8 text such as CSV. The type is read from the bytes, never from the name. */
                    files: string[];
                    /** @description Required once the directive is issued: the amendment note receivers read */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            /** @description Photos only */
                            height: number | null;
                            id: string;
                            /** @enum {string} */
                            kind: "attachment" | "evidence";
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "text/plain";
                            name: string;
                            size: number;
                            /** @description Photos only */
                            width: number | null;
                        }[];
                        /** @description The version the files joined (0: the draft) */
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDirectivesByIdHistory: {
        parameters: {
            query?: {
                /** @description A unit, person or account id (UUID) */
                unitId?: string;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One point per day from the issue (or the last 366 days) to today; empty for a draft */
                        days: {
                            /** @description Assignments in the subtree at the end of the day */
                            assignments: number;
                            /** @description A UTC day, YYYY-MM-DD */
                            date: string;
                            /** @description Of those, done at the end of the day */
                            done: number;
                            percentDone: number;
                        }[];
                        directiveId: string;
                        issuedAt: string | null;
                        unitId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectivesByIdIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignments: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDirectivesByIdProgress: {
        parameters: {
            query?: {
                /** @description A unit, person or account id (UUID) */
                unitId?: string;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignments: number;
                        /** @description Child units with assignments in their subtree, best first: by state (not acknowledged worst), then % done, then reported progress, then overdue */
                        children: {
                            assignments: number;
                            counts: {
                                acknowledged: number;
                                blocked: number;
                                done: number;
                                in_progress: number;
                                received: number;
                            };
                            name: string;
                            overdue: number;
                            percentDone: number;
                            rank: number;
                            /** @description Progress reported, % (per item the average percentage or the share of the target, whichever is higher; averaged over the items) */
                            reportedPercent: number;
                            /**
                             * @description The unit's own assignment's state; for a subtree the worst among its assignments (received: not acknowledged)
                             * @enum {string}
                             */
                            state: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
                            unitId: string;
                        }[];
                        counts: {
                            acknowledged: number;
                            blocked: number;
                            done: number;
                            in_progress: number;
                            received: number;
                        };
                        directiveId: string;
                        items: {
                            averagePercent: number;
                            index: number;
                            reported: number;
                            target: number | null;
                            targetSum: number | null;
                            title: string;
                            valueSum: number;
                        }[];
                        overdue: number;
                        /** @description Changes not yet folded into the rollups (already counted above) */
                        pendingChanges: number;
                        percentDone: number;
                        unitId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectivesByIdQuestionsByQuestionIdAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
                /** @description A unit, person or account id (UUID) */
                questionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answer: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postDirectivesByIdWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "withdrawn";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatherings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agenda?: string[];
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    conveningUnitId: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset
                     */
                    endsAt: string;
                    invitees: {
                        level?: string;
                        /**
                         * @description unit-members: members of the unit's cells; officials-below: officials of the unit and every unit below; secretaries-at-level: secretaries of the units of one level below
                         * @enum {string}
                         */
                        rule: "unit-members" | "officials-below" | "secretaries-at-level";
                        /**
                         * Format: uuid
                         * @description A unit, person or account id (UUID)
                         */
                        unitId: string;
                    };
                    /** @enum {string} */
                    kind: "meeting" | "enlarged" | "conference" | "course";
                    /** Format: uri */
                    onlineUrl?: string;
                    place?: string;
                    /** @description A course: its sessions */
                    sessions?: {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        endsAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        startsAt: string;
                        title?: string;
                    }[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset
                     */
                    startsAt: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGatheringsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            /** @description RSVP */
                            answer: boolean;
                            cancel: boolean;
                            checkIn: boolean;
                            edit: boolean;
                            /** @description Add agenda items, write minutes, record decisions */
                            keepMinutes: boolean;
                            manage: boolean;
                            markAttendance: boolean;
                            send: boolean;
                        };
                        agenda: {
                            index: number;
                            minutes: string | null;
                            title: string;
                        }[];
                        attendance: {
                            personId: string;
                            session: number;
                            /** @enum {string} */
                            status: "present" | "excused" | "absent";
                        }[];
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, as told to the invitees */
                        cancelReason: string | null;
                        /** @description For the convening officials: the code attendees check in with */
                        checkinCode: string | null;
                        conveningUnitId: string;
                        conveningUnitName: string;
                        decisions: {
                            agendaIndex: number | null;
                            createdAt: string;
                            directiveId: string | null;
                            id: string;
                            text: string;
                            votes: {
                                abstain: number;
                                against: number;
                                for: number;
                            } | null;
                        }[];
                        endsAt: string;
                        /** @description Held: started, with attendance */
                        heldAt: string | null;
                        id: string;
                        invited: number;
                        inviteeRule: {
                            depth: number | null;
                            rule: string;
                            unitId: string;
                        };
                        /** @description To the convening officials: the first 500 by name (GET …/invitees for the rest) */
                        invitees: {
                            attendance: {
                                session: number;
                                /** @enum {string} */
                                status: "present" | "excused" | "absent";
                            }[];
                            name: string;
                            personId: string;
                            /** @enum {string|null} */
                            rsvp: "yes" | "no" | "maybe" | null;
                            unitId: string;
                            unitName: string;
                        }[];
                        /** @enum {string} */
                        kind: "meeting" | "enlarged" | "conference" | "course";
                        /** @description Cursor for GET …/invitees when there are more */
                        moreInvitees: string | null;
                        myInvitation: {
                            attendance: {
                                session: number;
                                /** @enum {string} */
                                status: "present" | "excused" | "absent";
                            }[];
                            /** @enum {string|null} */
                            rsvp: "yes" | "no" | "maybe" | null;
                        } | null;
                        onlineUrl: string | null;
                        place: string | null;
                        sentAt: string | null;
                        sessions: {
                            attendance: {
                                absent: number;
                                excused: number;
                                /** @description The invitees of every session with attendance (of this session, on a gathering) */
                                expected: number;
                                present: number;
                                /** @description Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics */
                                rate: number | null;
                            };
                            /** @description Whether the session has started (by the server's clock), so attendance can be marked */
                            attendanceOpen: boolean;
                            /** @description The conveners mark attendance from the session's start */
                            attendanceOpensAt: string;
                            /** @description Invitees check in with the code from an hour before */
                            checkInOpensAt: string;
                            endsAt: string;
                            index: number;
                            startsAt: string;
                            title: string | null;
                        }[];
                        startsAt: string;
                        /** @enum {string} */
                        status: "draft" | "sent" | "cancelled";
                        title: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    patchGatheringsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The agenda's titles in order; items keep their minutes by position, and an item with minutes or a decision cannot be removed */
                    agenda?: string[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset
                     */
                    endsAt?: string;
                    /**
                     * Format: uri
                     * @description null removes it
                     */
                    onlineUrl?: string | null;
                    /** @description null removes it */
                    place?: string | null;
                    /** @description A course: its sessions (once invited, as many as before) */
                    sessions?: {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        endsAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with offset
                         */
                        startsAt: string;
                        title?: string;
                    }[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 with offset
                     */
                    startsAt?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changed: ("title" | "startsAt" | "endsAt" | "place" | "onlineUrl" | "agenda" | "sessions")[];
                        id: string;
                        /** @description The calendar SEQUENCE now */
                        sequence: number;
                        /** @enum {string} */
                        status: "draft" | "sent" | "cancelled";
                        /** @description Invitees already told, to whom an update is queued */
                        updatesQueued: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdAgenda: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    index?: number;
                    minutes?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        index: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    personId: string;
                    /** @description A course session (default 0) */
                    session?: number;
                    /** @enum {string} */
                    status: "present" | "excused" | "absent";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session's counts and rate after the mark, as the meeting's page shows them */
                        attendance: {
                            absent: number;
                            excused: number;
                            /** @description The invitees of every session with attendance (of this session, on a gathering) */
                            expected: number;
                            present: number;
                            /** @description Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics */
                            rate: number | null;
                        };
                        personId: string;
                        session: number;
                        /** @enum {string} */
                        status: "present" | "excused" | "absent";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Invitees already told, to whom a cancellation is queued */
                        cancellationsQueued: number;
                        cancelledAt: string;
                        id: string;
                        sequence: number;
                        /** @enum {string} */
                        status: "cancelled";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    session?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The session's counts and rate after the mark, as the meeting's page shows them */
                        attendance: {
                            absent: number;
                            excused: number;
                            /** @description The invitees of every session with attendance (of this session, on a gathering) */
                            expected: number;
                            present: number;
                            /** @description Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics */
                            rate: number | null;
                        };
                        personId: string;
                        session: number;
                        /** @enum {string} */
                        status: "present" | "excused" | "absent";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agendaIndex?: number;
                    text: string;
                    votes?: {
                        abstain: number;
                        against: number;
                        for: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGatheringsByIdInvitees: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attendance: {
                                session: number;
                                /** @enum {string} */
                                status: "present" | "excused" | "absent";
                            }[];
                            name: string;
                            personId: string;
                            /** @enum {string|null} */
                            rsvp: "yes" | "no" | "maybe" | null;
                            unitId: string;
                            unitName: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGatheringsByIdReview: {
        parameters: {
            query?: {
                /** @description A unit, person or account id (UUID) */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gatheringId: string;
                        nextCursor: string | null;
                        tasks: {
                            decisionId: string;
                            directiveId: string | null;
                            text: string;
                        }[];
                        units: {
                            attendanceRate: number | null;
                            cadence: {
                                everyDays: number;
                                lastMetAt: string | null;
                                missedSince: string | null;
                            } | null;
                            invited: number;
                            meetingsHeld: number;
                            name: string;
                            present: number;
                            represented: boolean;
                            unitId: string;
                        }[];
                        unitsCovered: number;
                        unitsRepresented: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdRsvp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    answer: "yes" | "no" | "maybe";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        rsvp: "yes" | "no" | "maybe";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postGatheringsByIdSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invited: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        database: "pglite" | "postgres";
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postImports: {
        parameters: {
            query?: {
                /** @description Validate and report, write nothing */
                dryRun?: "true" | "false";
                /** @description Write the good rows and report the bad ones */
                skipBad?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description members.csv: member_code,name,cell_code,email,phone
                     */
                    members?: string;
                    /**
                     * Format: binary
                     * @description units.csv: code,name,level,parent_code
                     */
                    units?: string;
                };
            };
        };
        responses: {
            /** @description Progress, then the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        /** @enum {string} */
                        file: "units" | "members";
                        /** @description Rows of that file read so far */
                        rows: number;
                        /** @enum {string} */
                        type: "progress";
                    } | {
                        report: {
                            /** @description Written: no problem (or skipBad), and not a dry run */
                            committed: boolean;
                            members: {
                                /** @description New people (or that would be, when not committed) */
                                added: number;
                                read: number;
                                /** @description Rows matched to a person that change nothing */
                                unchanged: number;
                                /** @description Rows matched to a person (by member_code, or an e-mail unique in the file and the organization) that change them; a changed cell is a transfer */
                                updated: number;
                                /** @description added + updated, once committed */
                                written: number;
                            };
                            problemCount: number;
                            /** @description The first 1,000, units file first, by line */
                            problems: {
                                /** @description A column name, several joined by ",", or "*" for the whole line */
                                column: string;
                                /** @enum {string} */
                                file: "units" | "members";
                                /** @description 1-based, in the file as sent */
                                line: number;
                                reason: string;
                            }[];
                            units: {
                                read: number;
                                written: number;
                            };
                        };
                        /** @enum {string} */
                        type: "report";
                    } | {
                        error: {
                            code: string;
                            message: string;
                        };
                        /** @enum {string} */
                        type: "error";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            depth: number;
                            key: string;
                            name: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMeToday: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            assignment_acknowledge: number;
                            assignment_due: number;
                            attendance_unrecorded: number;
                            case_acknowledge: number;
                            case_due_soon: number;
                            case_overdue: number;
                            cells_not_met: number;
                            cells_overdue_cases: number;
                            cells_unacknowledged: number;
                            gathering_upcoming: number;
                            own_request: number;
                            question_unanswered: number;
                        };
                        items: {
                            /** @description The cells kinds only: how many cells */
                            count: number | null;
                            /** @description When it is due (a case: its acknowledgement or resolution; a gathering: its start); null when nothing is due */
                            dueAt: string | null;
                            /** @description The web app's address where it is acted on */
                            href: string;
                            /** @enum {string} */
                            kind: "case_acknowledge" | "case_overdue" | "case_due_soon" | "assignment_acknowledge" | "assignment_due" | "gathering_upcoming" | "attendance_unrecorded" | "question_unanswered" | "cells_not_met" | "cells_overdue_cases" | "cells_unacknowledged" | "own_request";
                            /**
                             * @description Gatherings only: the person's answer, if invited and answered
                             * @enum {string|null}
                             */
                            rsvp: "yes" | "no" | "maybe" | null;
                            /** @description The case, assignment, gathering or question; for the cells kinds, the unit above them */
                            targetId: string;
                            /** @description The object's own words: a case's reference and category, a directive's or gathering's title, a question, a unit's name */
                            title: string;
                            /** @description The unit it belongs to (a question: the issuing unit) */
                            unitId: string;
                            /**
                             * @description Cases only
                             * @enum {string|null}
                             */
                            urgency: "low" | "normal" | "urgent" | "life_threatening" | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPasswordForgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPasswordSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    birthYear?: number;
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    cellId: string;
                    /** Format: email */
                    email?: string;
                    name: string;
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cellId: string;
                        id: string;
                        name: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            anonymise: boolean;
                            createAccount: boolean;
                            export: boolean;
                            transfer: boolean;
                            update: boolean;
                        };
                        anonymised: boolean;
                        birthYear: number | null;
                        cell: {
                            id: string;
                            name: string;
                        };
                        cellId: string;
                        email: string | null;
                        id: string;
                        /**
                         * @description The language e-mails to this person are written in; null: the installation's
                         * @enum {string|null}
                         */
                        language: "en" | "ko" | null;
                        memberSince: string;
                        name: string;
                        phone: string | null;
                        roles: {
                            role: string;
                            since: string;
                            unitId: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    patchPeopleById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    birthYear?: number | null;
                    /** Format: email */
                    email?: string | null;
                    /**
                     * @description The language of the person's e-mails (null: the installation's)
                     * @enum {string|null}
                     */
                    language?: "en" | "ko" | null;
                    name?: string;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            anonymise: boolean;
                            createAccount: boolean;
                            export: boolean;
                            transfer: boolean;
                            update: boolean;
                        };
                        anonymised: boolean;
                        birthYear: number | null;
                        cell: {
                            id: string;
                            name: string;
                        };
                        cellId: string;
                        email: string | null;
                        id: string;
                        /**
                         * @description The language e-mails to this person are written in; null: the installation's
                         * @enum {string|null}
                         */
                        language: "en" | "ko" | null;
                        memberSince: string;
                        name: string;
                        phone: string | null;
                        roles: {
                            role: string;
                            since: string;
                            unitId: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPeopleByIdAnonymise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            anonymise: boolean;
                            createAccount: boolean;
                            export: boolean;
                            transfer: boolean;
                            update: boolean;
                        };
                        anonymised: boolean;
                        birthYear: number | null;
                        cell: {
                            id: string;
                            name: string;
                        };
                        cellId: string;
                        email: string | null;
                        id: string;
                        /**
                         * @description The language e-mails to this person are written in; null: the installation's
                         * @enum {string|null}
                         */
                        language: "en" | "ko" | null;
                        memberSince: string;
                        name: string;
                        phone: string | null;
                        roles: {
                            role: string;
                            since: string;
                            unitId: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            gatheringId: string;
                            session: number;
                            startsAt: string;
                            /** @enum {string} */
                            status: "present" | "excused" | "absent";
                            title: string;
                        }[];
                        personId: string;
                        rate: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdCalendarLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdCalendarIcs: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed (iCalendar, METHOD:PUBLISH) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdGatherings: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description ISO 8601 with offset */
                from?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description ISO 8601 with offset */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            conveningUnitId: string;
                            endsAt: string;
                            held: boolean;
                            id: string;
                            invited: number;
                            kind: string;
                            place: string | null;
                            startsAt: string;
                            status: string;
                            title: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPeopleByIdHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            endedAt: string | null;
                            /** @enum {string} */
                            kind: "membership" | "role";
                            role?: string;
                            startedAt: string;
                            unitId: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPeopleByIdTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    cellId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            anonymise: boolean;
                            createAccount: boolean;
                            export: boolean;
                            transfer: boolean;
                            update: boolean;
                        };
                        anonymised: boolean;
                        birthYear: number | null;
                        cell: {
                            id: string;
                            name: string;
                        };
                        cellId: string;
                        email: string | null;
                        id: string;
                        /**
                         * @description The language e-mails to this person are written in; null: the installation's
                         * @enum {string|null}
                         */
                        language: "en" | "ko" | null;
                        memberSince: string;
                        name: string;
                        phone: string | null;
                        roles: {
                            role: string;
                            since: string;
                            unitId: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicAreas: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Part of the name (at least 2 characters) */
                q?: string;
                /** @description Below this unit (its children without q; its subtree with q) */
                within?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The units above it, top first */
                            ancestorNames: string[];
                            /** @description Open units lie below it */
                            hasChildren: boolean;
                            id: string;
                            levelKey: string;
                            levelName: string;
                            name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicAreasMatch: {
        parameters: {
            query?: {
                address?: string;
                lat?: number;
                long?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area: {
                            /** @description The units above it, top first */
                            ancestorNames: string[];
                            /** @description Open units lie below it */
                            hasChildren: boolean;
                            id: string;
                            levelKey: string;
                            levelName: string;
                            name: string;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPublicCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    /**
                     * Format: uuid
                     * @description The area the resident picked because the place matched none (an open unit, else 422 unknown_area): the case is placed there, then up to the handling level
                     */
                    areaUnitId?: string;
                    categoryCode: string;
                    description: string;
                    lat?: number;
                    long?: number;
                    requester?: {
                        /** Format: email */
                        email?: string;
                        name?: string;
                        phone?: string;
                    };
                    /**
                     * Format: uuid
                     * @description The unit whose form this is: its triage queue takes what cannot be placed (default: the root)
                     */
                    unitId?: string;
                    /** @enum {string} */
                    urgency: "low" | "normal" | "urgent" | "life_threatening";
                };
                "multipart/form-data": {
                    /** @description The same object as the JSON body, as JSON text */
                    case: string;
                    /** @description Up to 3 JPEG, PNG or WebP images of at most 5 MiB each (the type is read from the bytes; location and other metadata are stripped) */
                    photos?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owningUnitId: string;
                        /** @description Short, to read out on the phone */
                        reference: string;
                        /** @description The requester's key to /track/{token}; shown once */
                        trackingToken: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            deadlines: {
                                life_threatening: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                low: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                normal: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                                urgent: {
                                    acknowledgeHours: number;
                                    resolveHours: number;
                                };
                            };
                            /** @description The level that handles it, e.g. "cell" or "district" */
                            handlingLevel: string;
                            id: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                            /** @description Offered on the public form and in Open311 */
                            public: boolean;
                        }[];
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicMap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tiles: {
                            attribution: string;
                            url: string;
                        } | null;
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postPublicTrackRecover: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The e-mail address or phone number given with the request */
                    contact: string;
                    /** @description The reference shown when the request was sent, e.g. C-ABCD-EFGH */
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSearch: {
        parameters: {
            query: {
                /** @description What to find (default all) */
                kind?: "unit" | "person" | "all";
                /** @description Units of this level only (a level key, e.g. the cell level for a cell picker) */
                level?: string;
                /** @description Of each kind (default 10, at most 50) */
                limit?: number;
                /** @description Part of a name */
                q: string & (unknown & unknown);
                /** @description Only inside this unit (the unit included) */
                within?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        people: {
                            cellId: string;
                            cellName: string;
                            /** @description Names of the cell's ancestors below the root, top first, joined by " › " */
                            cellPath: string;
                            id: string;
                            name: string;
                        }[];
                        units: {
                            id: string;
                            isCell: boolean;
                            level: string;
                            name: string;
                            /** @description Names of the ancestors below the root, top first, joined by " › " */
                            path: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                        cellId: string | null;
                        /** @description Send as X-CSRF-Token on writes made with the session cookie (null for API tokens) */
                        csrfToken: string | null;
                        email: string;
                        isAdmin: boolean;
                        name: string | null;
                        officialUnitIds: string[];
                        personId: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrfToken: string;
                        expiresAt: string;
                        token: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresInDays?: number;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string | null;
                        id: string;
                        name: string;
                        token: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTrackByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        can: {
                            addInformation: boolean;
                            confirm: boolean;
                            rate: boolean;
                            reopen: boolean;
                        };
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        createdAt: string;
                        /** @description The level that owns it now (never a person) */
                        owningLevel: string;
                        /** @description Sent with the case; each at /track/{token}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        reference: string;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        updates: {
                            at: string;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            status: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postTrackByTokenConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        can: {
                            addInformation: boolean;
                            confirm: boolean;
                            rate: boolean;
                            reopen: boolean;
                        };
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        createdAt: string;
                        /** @description The level that owns it now (never a person) */
                        owningLevel: string;
                        /** @description Sent with the case; each at /track/{token}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        reference: string;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        updates: {
                            at: string;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            status: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postTrackByTokenInformation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        can: {
                            addInformation: boolean;
                            confirm: boolean;
                            rate: boolean;
                            reopen: boolean;
                        };
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        createdAt: string;
                        /** @description The level that owns it now (never a person) */
                        owningLevel: string;
                        /** @description Sent with the case; each at /track/{token}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        reference: string;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        updates: {
                            at: string;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            status: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTrackByTokenPhotosByPosition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 1 to 3, in the order the photos were sent */
                position: number;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image as stored: its type sniffed at upload, metadata stripped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postTrackByTokenRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                    stars: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        can: {
                            addInformation: boolean;
                            confirm: boolean;
                            rate: boolean;
                            reopen: boolean;
                        };
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        createdAt: string;
                        /** @description The level that owns it now (never a person) */
                        owningLevel: string;
                        /** @description Sent with the case; each at /track/{token}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        reference: string;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        updates: {
                            at: string;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            status: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postTrackByTokenReopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        can: {
                            addInformation: boolean;
                            confirm: boolean;
                            rate: boolean;
                            reopen: boolean;
                        };
                        category: {
                            code: string;
                            name: string;
                            names: {
                                [key: string]: string;
                            };
                        };
                        createdAt: string;
                        /** @description The level that owns it now (never a person) */
                        owningLevel: string;
                        /** @description Sent with the case; each at /track/{token}/photos/{position} */
                        photos: {
                            height: number;
                            /** @enum {string} */
                            mediaType: "image/jpeg" | "image/png" | "image/webp";
                            /** @description 1 to 3: the photo is at …/photos/{position} */
                            position: number;
                            /** @description Bytes */
                            size: number;
                            width: number;
                        }[];
                        rating: {
                            comment: string | null;
                            stars: number;
                        } | null;
                        reference: string;
                        resolvedAt: string | null;
                        /** @enum {string} */
                        status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                        updates: {
                            at: string;
                            kind: string;
                            /** @description A note the system wrote (routing, escalation, reminder) as a message key and parameters, for the web to word in the reader's language (`note` keeps the English text as stored) */
                            message: {
                                key: string;
                                params: {
                                    [key: string]: string;
                                };
                            } | null;
                            note: string | null;
                            status: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    /** @description A configured level key, e.g. "district" or "cell" */
                    level: string;
                    name: string;
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    parentId: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What the signed-in actor may do here */
                        abilities: {
                            addMember: boolean;
                            close: boolean;
                            createChild: boolean;
                            manageOfficials: boolean;
                            move: boolean;
                            read: boolean;
                            readAudit: boolean;
                            readMembers: boolean;
                            rename: boolean;
                        };
                        /** @description From the root down to the parent */
                        ancestors: {
                            id: string;
                            level: string;
                            name: string;
                        }[];
                        closedAt: string | null;
                        code: string | null;
                        counts: {
                            /** @description Open cells in the subtree, this unit included */
                            cells: number;
                            /** @description Members of those cells */
                            members: number;
                            /** @description Open units below this one */
                            units: number;
                        };
                        createdAt: string;
                        id: string;
                        isCell: boolean;
                        level: string;
                        name: string;
                        parentId: string | null;
                        /** @enum {string} */
                        status: "open" | "closed";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    patchUnitsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What the signed-in actor may do here */
                        abilities: {
                            addMember: boolean;
                            close: boolean;
                            createChild: boolean;
                            manageOfficials: boolean;
                            move: boolean;
                            read: boolean;
                            readAudit: boolean;
                            readMembers: boolean;
                            rename: boolean;
                        };
                        /** @description From the root down to the parent */
                        ancestors: {
                            id: string;
                            level: string;
                            name: string;
                        }[];
                        closedAt: string | null;
                        code: string | null;
                        counts: {
                            /** @description Open cells in the subtree, this unit included */
                            cells: number;
                            /** @description Members of those cells */
                            members: number;
                            /** @description Open units below this one */
                            units: number;
                        };
                        createdAt: string;
                        id: string;
                        isCell: boolean;
                        level: string;
                        name: string;
                        parentId: string | null;
                        /** @enum {string} */
                        status: "open" | "closed";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            id: string;
                            name: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUnitsByIdApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Shown once; only its SHA-256 is kept */
                        key: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteUnitsByIdApiKeysByKeyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
                /** @description A unit, person or account id (UUID) */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdAssignments: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description true: the unit's overdue list — a due date passed with the work not done */
                overdue?: "true" | "false";
                status?: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            directiveId: string;
                            /** @enum {string} */
                            directiveStatus: "draft" | "issued" | "withdrawn";
                            id: string;
                            issuerUnitId: string;
                            needsAcknowledgement: boolean;
                            nextDueAt: string | null;
                            overdue: boolean;
                            /** @enum {string} */
                            status: "received" | "acknowledged" | "in_progress" | "done" | "blocked";
                            title: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    putUnitsByIdCadence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    everyDays: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        everyDays: number | null;
                        unitId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the signed-in actor may set or clear this unit's calendar */
                        abilities: {
                            set: boolean;
                        };
                        calendar: {
                            holidays: {
                                /** @description A local date, YYYY-MM-DD */
                                date: string;
                                name: string;
                            }[];
                            timeZone: string;
                            week: {
                                /** @description Working spans of the day, ordered, not overlapping */
                                fri: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                mon: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                sat: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                sun: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                thu: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                tue: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                wed: [
                                    string,
                                    string
                                ][];
                            };
                        } | null;
                        /**
                         * @description wall-clock: no calendar on the path, time counts around the clock
                         * @enum {string}
                         */
                        mode: "working" | "wall-clock";
                        /** @description The unit the calendar is set at: this one, or the nearest ancestor with one */
                        source: {
                            inherited: boolean;
                            name: string;
                            unitId: string;
                        } | null;
                        unitId: string;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    putUnitsByIdCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    holidays?: {
                        /** @description A local date, YYYY-MM-DD */
                        date: string;
                        name: string;
                    }[];
                    /** @description An IANA time zone, e.g. "Europe/Berlin" */
                    timeZone: string;
                    /** @description Working hours by weekday; a day left out has none */
                    week: {
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        fri?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        mon?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        sat?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        sun?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        thu?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        tue?: [
                            string,
                            string
                        ][];
                        /**
                         * @description Working spans of the day, ordered, not overlapping
                         * @default []
                         */
                        wed?: [
                            string,
                            string
                        ][];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the signed-in actor may set or clear this unit's calendar */
                        abilities: {
                            set: boolean;
                        };
                        calendar: {
                            holidays: {
                                /** @description A local date, YYYY-MM-DD */
                                date: string;
                                name: string;
                            }[];
                            timeZone: string;
                            week: {
                                /** @description Working spans of the day, ordered, not overlapping */
                                fri: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                mon: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                sat: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                sun: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                thu: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                tue: [
                                    string,
                                    string
                                ][];
                                /** @description Working spans of the day, ordered, not overlapping */
                                wed: [
                                    string,
                                    string
                                ][];
                            };
                        } | null;
                        /**
                         * @description wall-clock: no calendar on the path, time counts around the clock
                         * @enum {string}
                         */
                        mode: "working" | "wall-clock";
                        /** @description The unit the calendar is set at: this one, or the nearest ancestor with one */
                        source: {
                            inherited: boolean;
                            name: string;
                            unitId: string;
                        } | null;
                        unitId: string;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteUnitsByIdCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdCaseDashboard: {
        parameters: {
            query?: {
                /** @description How many weeks of the trend, up to this one */
                weeks?: number;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        acknowledged: number;
                        /** @description When the figures were read; they include every committed change */
                        asOf: string;
                        byCategory: {
                            code: string;
                            escalated: number;
                            name: string;
                            /** @description The name in other languages, by language code */
                            names: {
                                [key: string]: string;
                            };
                            open: number;
                            overdue: number;
                            reopened: number;
                            resolved: number;
                        }[];
                        /** @description Each open unit directly below, the most overdue first */
                        byUnit: {
                            /** @description Open cases owned in its subtree that rose above the unit that first owned them */
                            escalated: number;
                            /** @description The level key */
                            level: string;
                            name: string;
                            /** @description Open cases owned in its subtree */
                            open: number;
                            /** @description Open cases owned in its subtree past the deadline running now (they rise at the next sweep) */
                            overdue: number;
                            unitId: string;
                        }[];
                        /** @description Open cases that rose above the unit that first owned them */
                        escalated: number;
                        /** @description Wall-clock hours from arrival, from a histogram: within 10 % */
                        medianAcknowledgeHours: number | null;
                        medianResolveHours: number | null;
                        open: number;
                        /** @description Open cases that missed their current deadline and could not rise (owned by the root) */
                        overdue: number;
                        /** @description Changes not yet folded into the rollups (already counted above) */
                        pendingChanges: number;
                        /** @description Reopenings by requesters: they count against the resolution figures */
                        reopened: number;
                        /** @description Resolved or closed */
                        resolved: number;
                        satisfaction: {
                            /** @description Mean stars, 1–5 */
                            average: number | null;
                            ratings: number;
                        };
                        unitId: string;
                        weeks: {
                            opened: number;
                            resolved: number;
                            /** @description The Monday (UTC) that starts the week */
                            week: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdCases: {
        parameters: {
            query?: {
                /** @description A person id, me (assigned to you) or none (unassigned) */
                assignee?: ("me" | "none") | string;
                category?: string;
                /** @description The nextCursor of the previous page */
                cursor?: string;
                escalated?: "true" | "false";
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                overdue?: "true" | "false";
                /** @description own: owned by this unit; subtree: owned by it or below; involved: ever owned by it or below, escalated or referred away included */
                scope?: "own" | "subtree" | "involved";
                /** @description newest: newest first; due: life-threatening, then urgent, then the rest, each by the deadline running now (none last) */
                sort?: "newest" | "due";
                status?: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                urgency?: "low" | "normal" | "urgent" | "life_threatening";
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            acknowledgeDueAt: string | null;
                            /** @description The official of the owning unit the case is assigned to (null: nobody) */
                            assignee: {
                                name: string;
                                personId: string;
                            } | null;
                            category: {
                                code: string;
                                name: string;
                                /** @description Translations by language */
                                names: {
                                    [key: string]: string;
                                };
                            };
                            categoryCode: string;
                            createdAt: string;
                            /** @description The deadline running now: to acknowledge while new, else to resolve; null once resolved */
                            dueAt: string | null;
                            escalationLevel: number;
                            id: string;
                            overdue: boolean;
                            owningUnitId: string;
                            reference: string;
                            resolveDueAt: string | null;
                            /** @enum {string} */
                            status: "new" | "acknowledged" | "in_progress" | "waiting" | "resolved" | "closed" | "reopened" | "merged";
                            /** @description The description's first line, up to 100 characters */
                            summary: string;
                            triage: boolean;
                            urgency: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdChildren: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                includeClosed?: "true" | "false";
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description What the signed-in actor may do here */
                            abilities: {
                                addMember: boolean;
                                close: boolean;
                                createChild: boolean;
                                manageOfficials: boolean;
                                move: boolean;
                                read: boolean;
                                readAudit: boolean;
                                readMembers: boolean;
                                rename: boolean;
                            };
                            /** @description From the root down to the parent */
                            ancestors: {
                                id: string;
                                level: string;
                                name: string;
                            }[];
                            closedAt: string | null;
                            code: string | null;
                            counts: {
                                /** @description Open cells in the subtree, this unit included */
                                cells: number;
                                /** @description Members of those cells */
                                members: number;
                                /** @description Open units below this one */
                                units: number;
                            };
                            createdAt: string;
                            id: string;
                            isCell: boolean;
                            level: string;
                            name: string;
                            parentId: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUnitsByIdClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What the signed-in actor may do here */
                        abilities: {
                            addMember: boolean;
                            close: boolean;
                            createChild: boolean;
                            manageOfficials: boolean;
                            move: boolean;
                            read: boolean;
                            readAudit: boolean;
                            readMembers: boolean;
                            rename: boolean;
                        };
                        /** @description From the root down to the parent */
                        ancestors: {
                            id: string;
                            level: string;
                            name: string;
                        }[];
                        closedAt: string | null;
                        code: string | null;
                        counts: {
                            /** @description Open cells in the subtree, this unit included */
                            cells: number;
                            /** @description Members of those cells */
                            members: number;
                            /** @description Open units below this one */
                            units: number;
                        };
                        createdAt: string;
                        id: string;
                        isCell: boolean;
                        level: string;
                        name: string;
                        parentId: string | null;
                        /** @enum {string} */
                        status: "open" | "closed";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdDirectives: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                status?: "draft" | "issued" | "withdrawn";
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            id: string;
                            issuedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "issued" | "withdrawn";
                            title: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdGatherings: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description ISO 8601 with offset */
                from?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                /** @description ISO 8601 with offset */
                to?: string;
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            conveningUnitId: string;
                            endsAt: string;
                            held: boolean;
                            id: string;
                            invited: number;
                            kind: string;
                            place: string | null;
                            startsAt: string;
                            status: string;
                            title: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdMeetingStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attendance: {
                            absent: number;
                            excused: number;
                            /** @description The invitees of every session with attendance (of this session, on a gathering) */
                            expected: number;
                            present: number;
                            /** @description Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics */
                            rate: number | null;
                        };
                        cadence: {
                            /** @description The installation's default cadence (a cell nobody set one for) */
                            byDefault: boolean;
                            everyDays: number;
                            lastMetAt: string | null;
                            missedSince: string | null;
                            /** @description No meeting held yet */
                            neverMet: boolean;
                        } | null;
                        children: {
                            attendance: {
                                absent: number;
                                excused: number;
                                /** @description The invitees of every session with attendance (of this session, on a gathering) */
                                expected: number;
                                present: number;
                                /** @description Present among those expected (every invitee of each session with attendance), %: one definition for a meeting and the statistics */
                                rate: number | null;
                            };
                            cadence: {
                                /** @description The installation's default cadence (a cell nobody set one for) */
                                byDefault: boolean;
                                everyDays: number;
                                lastMetAt: string | null;
                                missedSince: string | null;
                                /** @description No meeting held yet */
                                neverMet: boolean;
                            } | null;
                            /** @description Gatherings that have started and have attendance */
                            gatheringsHeld: number;
                            /** @description …of which missed their last expected meeting */
                            missed: number;
                            name: string;
                            /** @description …of which never held a meeting */
                            neverMet: number;
                            unitId: string;
                            /** @description Units in the subtree that keep a cadence */
                            withCadence: number;
                        }[];
                        /** @description Gatherings that have started and have attendance */
                        gatheringsHeld: number;
                        /** @description …of which missed their last expected meeting */
                        missed: number;
                        /** @description …of which never held a meeting */
                        neverMet: number;
                        unitId: string;
                        /** @description Units in the subtree that keep a cadence */
                        withCadence: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdMembers: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 50, at most 200) */
                limit?: number;
                q?: string;
                scope?: "direct" | "subtree";
            };
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            cellId: string;
                            cellName: string;
                            id: string;
                            name: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUnitsByIdMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    parentId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        moved: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdOfficials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            personId: string;
                            /** @enum {string} */
                            role: "secretary" | "deputy" | "official";
                            since: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    postUnitsByIdOfficials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A unit, person or account id (UUID)
                     */
                    personId: string;
                    /** @enum {string} */
                    role: "secretary" | "deputy" | "official";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteUnitsByIdOfficialsByPersonId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
                /** @description A unit, person or account id (UUID) */
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsByIdServiceArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        abilities: {
                            /** @description May set it (the level above, or an administrator) */
                            edit: boolean;
                        };
                        /** @description Place names an address may mention */
                        localities: string[];
                        /** @description GeoJSON Polygon or MultiPolygon ([longitude, latitude] positions), or null */
                        polygon: ({
                            coordinates: [
                                number,
                                number
                            ][][];
                            /** @enum {string} */
                            type: "Polygon";
                        } | {
                            coordinates: [
                                number,
                                number
                            ][][][];
                            /** @enum {string} */
                            type: "MultiPolygon";
                        }) | null;
                        unitId: string;
                        updatedAt: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    putUnitsByIdServiceArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unit, person or account id (UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place names an address may mention */
                    localities: string[];
                    /** @description GeoJSON Polygon or MultiPolygon ([longitude, latitude] positions), or null */
                    polygon: ({
                        coordinates: [
                            number,
                            number
                        ][][];
                        /** @enum {string} */
                        type: "Polygon";
                    } | {
                        coordinates: [
                            number,
                            number
                        ][][][];
                        /** @enum {string} */
                        type: "MultiPolygon";
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place names an address may mention */
                        localities: string[];
                        /** @description GeoJSON Polygon or MultiPolygon ([longitude, latitude] positions), or null */
                        polygon: ({
                            coordinates: [
                                number,
                                number
                            ][][];
                            /** @enum {string} */
                            type: "Polygon";
                        } | {
                            coordinates: [
                                number,
                                number
                            ][][][];
                            /** @enum {string} */
                            type: "MultiPolygon";
                        }) | null;
                        unitId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUnitsRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What the signed-in actor may do here */
                        abilities: {
                            addMember: boolean;
                            close: boolean;
                            createChild: boolean;
                            manageOfficials: boolean;
                            move: boolean;
                            read: boolean;
                            readAudit: boolean;
                            readMembers: boolean;
                            rename: boolean;
                        };
                        /** @description From the root down to the parent */
                        ancestors: {
                            id: string;
                            level: string;
                            name: string;
                        }[];
                        closedAt: string | null;
                        code: string | null;
                        counts: {
                            /** @description Open cells in the subtree, this unit included */
                            cells: number;
                            /** @description Members of those cells */
                            members: number;
                            /** @description Open units below this one */
                            units: number;
                        };
                        createdAt: string;
                        id: string;
                        isCell: boolean;
                        level: string;
                        name: string;
                        parentId: string | null;
                        /** @enum {string} */
                        status: "open" | "closed";
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            503: components["responses"]["Unavailable"];
        };
    };
}
