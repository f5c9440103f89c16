import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import { useMe, useSession } from '../session';
import { SearchBox } from './search-box';

/** The frame of every signed-in page: a skip link, the header with search and menu, the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [, navigate] = useLocation();
  const mayAudit = me.isAdmin || me.officialUnitIds.length > 0;
  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="app-header">
        <div className="brand-row">
          <Link href="/" className="brand">Mainstay</Link>
          <LanguageSwitch />
        </div>
        <div className="header-search">
          <SearchBox
            label={t('search.label')} hiddenLabel kind="all"
            onSelect={(option) => navigate(option.kind === 'unit' ? `/units/${option.id}` : `/people/${option.id}`)}
          />
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li><Link href="/">{t('nav.home')}</Link></li>
            {mayAudit && <li><Link href="/audit">{t('nav.audit')}</Link></li>}
            {me.isAdmin && <li><Link href="/import">{t('nav.import')}</Link></li>}
            {me.personId && <li><Link href={`/people/${me.personId}/gatherings`}>{t('myGatherings.link')}</Link></li>}
            <li><Link href="/account">{t('nav.account')}</Link></li>
            <li><button type="button" className="link" onClick={() => void signOut()}>{t('nav.signOut')}</button></li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
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
