import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router-dom';
import { mayAdminister } from '../admin/admin-page.js';
import { useAuth, useMe } from '../auth/auth-context.js';
import { LanguageSwitcher } from '../i18n/language-switcher.js';

/** Header with navigation, language switcher and the signed-in user, around the page content. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();

  async function handleSignOut() {
    await signOut().catch(() => undefined);
    navigate('/');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.caseload')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/cases/new">{t('nav.newCase')}</NavLink>
            </li>
            <li>
              <NavLink to="/tasks">{t('nav.myTasks')}</NavLink>
            </li>
            {me.roles.some((r) =>
              ['movements_officer', 'resettlement_officer', 'manager', 'admin'].includes(r.role),
            ) && (
              <li>
                <NavLink to="/board">{t('nav.board')}</NavLink>
              </li>
            )}
            {me.roles.some((r) => ['diplomatic_liaison', 'manager', 'admin'].includes(r.role)) && (
              <li>
                <NavLink to="/travel-documents">{t('nav.travelDocuments')}</NavLink>
              </li>
            )}
            {(mayAdminister(me.roles) || me.platformAdmin) && (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            )}
            {me.roles.some((r) => ['manager', 'admin'].includes(r.role)) && (
              <li>
                <NavLink to="/policy">{t('nav.policy')}</NavLink>
              </li>
            )}
            {me.roles.some((r) => ['manager', 'admin'].includes(r.role)) && (
              <>
                <li>
                  <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
                </li>
                <li>
                  <NavLink to="/reports">{t('nav.reports')}</NavLink>
                </li>
                <li>
                  <NavLink to="/annual-report">{t('nav.annualReport')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          <span className="current-user" data-testid="current-user">
            {me.displayName}
          </span>
          <NavLink to="/account/password">{t('nav.changePassword')}</NavLink>
          <button type="button" onClick={() => void handleSignOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
