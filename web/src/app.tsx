import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { ChangePasswordPage } from './account/change-password-page.js';
import { AdminPage } from './admin/admin-page.js';
import { useAuth } from './auth/auth-context.js';
import { LoginPage } from './auth/login-page.js';
import { SetPasswordPage } from './auth/set-password-page.js';
import { BoardPage } from './board/board-page.js';
import { CasePage } from './case/case-page.js';
import { CaseloadPage } from './caseload/caseload-page.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { AppShell } from './layout/app-shell.js';
import { NewCasePage } from './new-case/new-case-page.js';
import { PolicyPage } from './policy/policy-page.js';
import { AnnualReportPage } from './reports/annual-report-page.js';
import { ReportsPage } from './reports/reports-page.js';
import { MyTasksPage } from './tasks/my-tasks-page.js';
import { OpenRequestsPage } from './travel-documents/open-requests-page.js';
import { Loading } from './ui/status-messages.js';

/** Login gate and routes. */
export function App() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (me === undefined) {
    return (
      <main id="main">
        <Loading label={t('app.checkingSession')} />
      </main>
    );
  }
  // A one-time link is opened signed out; it sets the password, then the user signs in.
  if (window.location.pathname === '/set-password') return <SetPasswordPage />;
  if (me === null) return <LoginPage />;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<CaseloadPage />} />
        <Route path="/cases/new" element={<NewCasePage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/tasks" element={<MyTasksPage />} />
        <Route path="/policy" element={<PolicyPage />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/travel-documents" element={<OpenRequestsPage />} />
        <Route path="/admin/*" element={<AdminPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/annual-report" element={<AnnualReportPage />} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </section>
  );
}
