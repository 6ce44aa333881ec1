import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useUsers } from '../api/reference-data.js';
import type { Task } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { TaskList } from '../tasks/task-list.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { CasePanelProps } from './case-context.js';

const EMPTY = { title: '', dueDate: '', assigneeId: '' };

/** The case's tasks (tick to complete) and a form to add one. */
export function TasksPanel({ kase, onActivity }: CasePanelProps) {
  const { t } = useTranslation();
  const { users } = useUsers();
  const { data, error, loading, reload } = useApi<{ items: Task[] }>(`/cases/${kase.id}/tasks`);
  const [values, setValues] = useState(EMPTY);
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.title.trim()) return;
    setBusy(true);
    setPostError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/tasks`, {
        title: values.title.trim(),
        ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
      });
      setValues(EMPTY);
      reload();
      onActivity();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const tasks = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="tasks-heading" data-testid="tasks">
      <h2 id="tasks-heading">{t('tasks.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && tasks.length === 0 && <p className="muted">{t('tasks.none')}</p>}
      {tasks.length > 0 && (
        <TaskList
          tasks={tasks}
          showCase={false}
          canComplete={kase.policies.addTask}
          onChanged={() => {
            reload();
            onActivity();
          }}
        />
      )}
      {kase.policies.addTask && (
        <form onSubmit={submit} className="task-form" noValidate>
          <fieldset>
            <legend>{t('tasks.newTask')}</legend>
            <div className="field-row">
              <TextField
                id="task-title"
                label={t('tasks.taskTitle')}
                value={values.title}
                onChange={(title) => setValues({ ...values, title })}
                errors={errors.title}
                required
                autoComplete="off"
              />
              <TextField
                id="task-dueDate"
                label={t('tasks.dueDate')}
                type="date"
                value={values.dueDate}
                onChange={(dueDate) => setValues({ ...values, dueDate })}
                errors={errors.dueDate}
              />
              <div className="field">
                <label htmlFor="task-assignee">{t('tasks.assignee')}</label>
                <select
                  id="task-assignee"
                  value={values.assigneeId}
                  onChange={(e) => setValues({ ...values, assigneeId: e.target.value })}
                >
                  <option value="">{t('tasks.assigneeDefault')}</option>
                  {users.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.displayName}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" disabled={busy || !values.title.trim()}>
              {t('tasks.add')}
            </button>
            <ErrorMessage error={postError} inlineFields={['title', 'dueDate']} />
          </fieldset>
        </form>
      )}
    </section>
  );
}
