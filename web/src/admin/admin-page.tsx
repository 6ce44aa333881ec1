import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { useMe } from '../auth/auth-context.js';
import { AccessLogPage } from './access-log-page.js';
import { BudgetsPage } from './budgets-page.js';
import { DeliveriesPage } from './deliveries-page.js';
import { EmbassiesPage } from './embassies-page.js';
import { EmissionFactorSetsPage } from './emission-factor-sets-page.js';
import { HistoryImportPage } from './history-import-page.js';
import { MissionSettingsPage } from './mission-settings-page.js';
import { MissionsPage } from './missions-page.js';
import { OfficesPage } from './offices-page.js';
import { PartnerNgosPage } from './partner-ngos-page.js';
import { PartnersPage } from './partners-page.js';
import { ReferralImportPage } from './referral-import-page.js';
import { ReferralSourcesPage } from './referral-sources-page.js';
import { SmsSinkPage } from './sms-sink-page.js';
import { SmsTemplatesPage } from './sms-templates-page.js';
import { UsersPage } from './users-page.js';

/** True when the signed-in user may open the administration pages. */
export function mayAdminister(roles: { role: string }[]): boolean {
  return roles.some(
    (grant) => grant.role === 'admin' || grant.role === 'manager' || grant.role === 'counsellor',
  );
}

/**
 * Administration: partners and their keys and webhooks, referral imports, users, offices, embassies,
 * funding budgets, partner NGOs, referral sources, SMS templates, emission factor sets, the
 * mission's settings, deliveries and the SMS sink; the installation's missions for a platform
 * administrator.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.roles.some((grant) => grant.role === 'admin');
  const isManager = me.roles.some((grant) => grant.role === 'admin' || grant.role === 'manager');
  return (
    <section aria-labelledby="admin-heading">
      <h1 id="admin-heading">{t('admin.title')}</h1>
      <nav aria-label={t('admin.sections')}>
        <ul className="nav-list">
          <li>
            <NavLink to="/admin" end>
              {t('admin.partners')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/referral-import">{t('admin.referralImport')}</NavLink>
          </li>
          {isAdmin && (
            <>
              <li>
                <NavLink to="/admin/users">{t('admin.users')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/offices">{t('admin.offices')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/embassies">{t('admin.embassies')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/partner-ngos">{t('admin.partnerNgos')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/referral-sources">{t('admin.referralSources')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/sms-templates">{t('admin.smsTemplates')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/emission-factors">{t('admin.factorSets')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/mission">{t('admin.missionSettings')}</NavLink>
              </li>
            </>
          )}
          {isManager && (
            <>
              <li>
                <NavLink to="/admin/budgets">{t('admin.budgets')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/history-import">{t('admin.historyImport')}</NavLink>
              </li>
            </>
          )}
          {me.platformAdmin && (
            <li>
              <NavLink to="/admin/missions">{t('admin.missions')}</NavLink>
            </li>
          )}
          {isAdmin && (
            <>
              <li>
                <NavLink to="/admin/deliveries">{t('admin.deliveries')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/sms-sink">{t('admin.smsSink')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/access-log">{t('admin.accessLog')}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      <Routes>
        <Route index element={<PartnersPage canManage={isAdmin} />} />
        <Route path="referral-import" element={<ReferralImportPage />} />
        <Route path="history-import" element={<HistoryImportPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="offices" element={<OfficesPage />} />
        <Route path="embassies" element={<EmbassiesPage />} />
        <Route path="budgets" element={<BudgetsPage />} />
        <Route path="deliveries" element={<DeliveriesPage />} />
        <Route path="sms-sink" element={<SmsSinkPage />} />
        <Route path="access-log" element={<AccessLogPage />} />
        <Route path="missions" element={<MissionsPage />} />
        <Route path="partner-ngos" element={<PartnerNgosPage />} />
        <Route path="referral-sources" element={<ReferralSourcesPage />} />
        <Route path="sms-templates" element={<SmsTemplatesPage />} />
        <Route path="emission-factors" element={<EmissionFactorSetsPage />} />
        <Route path="mission" element={<MissionSettingsPage />} />
      </Routes>
    </section>
  );
}
