import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { PolicyEditor } from './policy-editor.js';
import type { PolicyVersion, PolicyVersionHeader } from './policy-types.js';
import { PolicyVersionView } from './policy-version-view.js';

/** The return policy: its versions, what each holds, and (for administrators) a new version. */
export function PolicyPage() {
  const { t } = useTranslation();
  const versions = useApi<{ items: PolicyVersionHeader[]; policies: { change: boolean } }>(
    '/policy/versions',
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const items = versions.data?.items ?? [];
  const shownId = selected ?? items[0]?.id ?? null;
  const shown = useApi<{ version: PolicyVersion }>(shownId ? `/policy/versions/${shownId}` : null);

  return (
    <section aria-labelledby="policy-heading">
      <h1 id="policy-heading">{t('policy.title')}</h1>
      <p className="muted">{t('policy.intro')}</p>
      <ErrorMessage error={versions.error} />
      {versions.loading && <Loading />}
      {items.length > 0 && (
        <div className="table-wrapper">
          <table className="compact">
            <caption>{t('policy.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policy.version')}</th>
                <th scope="col">{t('policy.effectiveFrom')}</th>
                <th scope="col">{t('policy.note')}</th>
                <th scope="col">{t('policy.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('policy.view')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((version) => (
                <tr key={version.id} aria-current={version.id === shownId ? 'true' : undefined}>
                  <td>{version.version}</td>
                  <td>{version.effectiveFrom}</td>
                  <td>{version.note}</td>
                  <td>{new Date(version.createdAt).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setSelected(version.id);
                        setEditing(false);
                      }}
                    >
                      {t('policy.viewVersion', { version: version.version })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={shown.error} />
      {shown.data && !editing && (
        <>
          {versions.data?.policies.change && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('policy.editAsNew')}
            </button>
          )}
          <PolicyVersionView version={shown.data.version} />
        </>
      )}
      {shown.data && editing && (
        <PolicyEditor
          base={shown.data.version}
          onCancel={() => setEditing(false)}
          onSaved={(created) => {
            setEditing(false);
            setSelected(created.id);
            versions.reload();
          }}
        />
      )}
    </section>
  );
}
