import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, apiPatch } from '../api/client.js';
import type { Task } from '../api/types.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage } from '../ui/status-messages.js';

interface Props {
  tasks: Task[];
  /** Show the case reference with each task (on My tasks, not on the case page). */
  showCase: boolean;
  canComplete: boolean;
  onChanged: (task: Task, done: boolean) => void;
}

/** Tasks as a checklist: ticking a task marks it done on the server. */
export function TaskList({ tasks, showCase, canComplete, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  async function toggle(task: Task, done: boolean) {
    setBusyId(task.id);
    setError(undefined);
    try {
      await apiPatch(`/tasks/${task.id}`, { done });
      onChanged(task, done);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusyId(undefined);
    }
  }

  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <ul className="task-list">
        {tasks.map((task) => {
          const overdue = !task.doneAt && task.dueDate !== null && task.dueDate < today;
          return (
            <li key={task.id} data-testid="task" className={task.doneAt ? 'done' : undefined}>
              <div className="checkbox">
                <input
                  id={`task-${task.id}`}
                  type="checkbox"
                  checked={task.doneAt !== null}
                  disabled={!canComplete || busyId === task.id}
                  onChange={(e) => void toggle(task, e.target.checked)}
                />
                <label htmlFor={`task-${task.id}`}>{task.title}</label>
              </div>
              <p className="meta">
                {showCase && (
                  <>
                    <Link to={`/cases/${task.caseId}`}>{task.caseReference}</Link>
                    {' · '}
                  </>
                )}
                {task.dueDate ? (
                  <span className={overdue ? 'overdue' : undefined}>
                    {t(overdue ? 'tasks.overdue' : 'tasks.due', {
                      date: formatDate(task.dueDate, i18n.language),
                    })}
                  </span>
                ) : (
                  t('tasks.noDueDate')
                )}
                {' · '}
                {task.assignee?.displayName ?? t('case.unassigned')}
              </p>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={error} />
    </>
  );
}
