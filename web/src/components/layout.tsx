import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import { useMe, useSession } from '../session';
import { SearchBox } from './search-box';

/**
 * The frame of every signed-in page. At a desk: the header with search and the menu. On a
 * phone (issue 14) the header is one row (name, search, language) so the work starts in the
 * first screen, the places a secretary works in sit in a bar at the bottom, and the rest of
 * the menu follows the page. Each menu is shown at one width only, so no link appears twice.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="app-header">
        <Link href="/" className="brand">Mainstay</Link>
        <div className="header-search">
          <SearchBox
            label={t('search.label')} hiddenLabel kind="all"
            onSelect={(option) => navigate(option.kind === 'unit' ? `/units/${option.id}` : `/people/${option.id}`)}
          />
        </div>
        <LanguageSwitch />
        <nav aria-label={t('nav.main')} className="desk-nav"><MenuLinks withToday /></nav>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <nav aria-label={t('bottomNav.more')} className="phone-more"><MenuLinks /></nav>
      <BottomBar />
    </>
  );
}

function MenuLinks({ withToday = false }: { withToday?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const mayAudit = me.isAdmin || me.officialUnitIds.length > 0;
  return (
    <ul>
      {withToday && <li><Link href="/">{t('today.title')}</Link></li>}
      <li><Link href="/my-units">{t('home.yourUnits')}</Link></li>
      {mayAudit && <li><Link href="/audit">{t('nav.audit')}</Link></li>}
      {me.isAdmin && <li><Link href="/import">{t('nav.import')}</Link></li>}
      {me.personId && <li><Link href={`/people/${me.personId}/gatherings`}>{t('myGatherings.link')}</Link></li>}
      <li><Link href="/account">{t('nav.account')}</Link></li>
      <li><button type="button" className="link" onClick={() => void signOut()}>{t('nav.signOut')}</button></li>
    </ul>
  );
}

/** Phones: Today, and the unit's cases, directives, meetings and members (a member: their meetings and cell). */
function BottomBar() {
  const { t } = useTranslation();
  const me = useMe();
  const [location] = useLocation();
  const unit = me.officialUnitIds[0] ?? me.cellId;
  const official = me.officialUnitIds.length > 0;
  const places: Array<[string, string | null]> = [
    ['today', '/'],
    ['cases', official ? `/units/${unit}/cases` : null],
    // A cell receives directives; a unit above also issues them.
    ['directives', official ? (unit === me.cellId ? `/units/${unit}/assignments` : `/units/${unit}/directives`) : null],
    ['meetings', official ? `/units/${unit}/gatherings` : me.personId ? `/people/${me.personId}/gatherings` : null],
    ['members', unit ? `/units/${unit}` : null],
  ];
  return (
    <nav aria-label={t('bottomNav.label')} className="bottom-bar">
      <ul>
        {places.filter((p): p is [string, string] => p[1] !== null).map(([key, href]) => (
          <li key={key}>
            <Link href={href} aria-current={location === href ? 'page' : undefined}>{t(`bottomNav.${key as 'today'}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
      </select>
    </label>
  );
}
