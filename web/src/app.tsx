import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Layout } from './components/layout';
import { Loading } from './components/status';
import { AccountPage } from './accounts/account-page';
import { AuditPage } from './audit/audit-page';
import { CasePage } from './cases/case-page';
import { ReportPage } from './cases/report-page';
import { TrackPage } from './cases/track-page';
import { RecoverPage } from './cases/recover-page';
import { UnitDashboardPage } from './cases/unit-dashboard-page';
import { UnitCasesPage } from './cases/unit-cases-page';
import { UnitApiKeysPage } from './cases/unit-api-keys-page';
import { UnitServiceAreaPage } from './cases/unit-service-area-page';
import { UnitCalendarPage } from './calendar/unit-calendar-page';
import { AssignmentPage } from './directives/assignment-page';
import { DirectivePage } from './directives/directive-page';
import { UnitAssignmentsPage } from './directives/unit-assignments-page';
import { UnitDirectivesPage } from './directives/unit-directives-page';
import { GatheringPage } from './gatherings/gathering-page';
import { PersonGatheringsPage } from './gatherings/person-gatherings-page';
import { UnitGatheringsPage } from './gatherings/unit-gatherings-page';
import { UnitMeetingsPage } from './gatherings/unit-meetings-page';
import { HomePage } from './org/home-page';
import { TodayPage } from './today/today-page';
import { ImportPage } from './transfer/import-page';
import { PersonPage } from './people/person-page';
import { SignInPage } from './accounts/sign-in-page';
import { ForgotPasswordPage, SetPasswordPage } from './accounts/password-pages';
import { UnitPage } from './org/unit-page';
import { SessionProvider, useSession } from './session';

export function App() {
  // The public doors need no account: the intake form and the requester's tracking page.
  const [location] = useLocation();
  if (location === '/report') return <ReportPage />;
  if (location === '/track') return <RecoverPage />;
  const tracking = /^\/track\/([^/]+)$/.exec(location);
  if (tracking) return <TrackPage token={decodeURIComponent(tracking[1]!)} />;
  // The password links (issue 14): reached signed out, from the sign-in page or a mail.
  if (location === '/forgot-password') return <ForgotPasswordPage />;
  const passwordLink = /^\/set-password\/([^/]*)$/.exec(location);
  if (passwordLink) return <SetPasswordPage token={decodeURIComponent(passwordLink[1]!)} />;
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** Signed out, every address shows the sign-in form and returns to that address after. */
function Gate() {
  const { state } = useSession();
  if (state.status === 'loading') return <main id="main"><Loading /></main>;
  if (state.status === 'signed-out') return <SignInPage reason={state.reason} />;
  return (
    <Layout>
      <Switch>
        <Route path="/"><TodayPage /></Route>
        <Route path="/my-units"><HomePage /></Route>
        <Route path="/units/:id/dashboard">{(params) => <UnitDashboardPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/cases">{(params) => <UnitCasesPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/calendar">{(params) => <UnitCalendarPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/service-area">{(params) => <UnitServiceAreaPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/api-keys">{(params) => <UnitApiKeysPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/directives">{(params) => <UnitDirectivesPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/assignments">{(params) => <UnitAssignmentsPage key={params.id} id={params.id} />}</Route>
        <Route path="/directives/:id">{(params) => <DirectivePage key={params.id} id={params.id} />}</Route>
        <Route path="/assignments/:id">{(params) => <AssignmentPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/gatherings">{(params) => <UnitGatheringsPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id/meetings">{(params) => <UnitMeetingsPage key={params.id} id={params.id} />}</Route>
        <Route path="/gatherings/:id">{(params) => <GatheringPage key={params.id} id={params.id} />}</Route>
        <Route path="/people/:id/gatherings">{(params) => <PersonGatheringsPage key={params.id} id={params.id} />}</Route>
        <Route path="/units/:id">{(params) => <UnitPage key={params.id} id={params.id} />}</Route>
        <Route path="/cases/:id">{(params) => <CasePage key={params.id} id={params.id} />}</Route>
        <Route path="/people/:id">{(params) => <PersonPage key={params.id} id={params.id} />}</Route>
        <Route path="/audit"><AuditPage /></Route>
        <Route path="/import"><ImportPage /></Route>
        <Route path="/account"><AccountPage /></Route>
        <Route path="/sign-in"><Redirect to="/" /></Route>
        <Route><NotFound /></Route>
      </Switch>
    </Layout>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <><h1>{t('notFound.title')}</h1><p>{t('notFound.body')}</p></>;
}
