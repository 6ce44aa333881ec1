import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TaskList } from './task-list.js';

/** The signed-in user's open tasks across all cases. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Task[] }>('/tasks?assigneeId=me&open=true');
  const [announcement, setAnnouncement] = useState('');

  return (
    <section aria-labelledby="my-tasks-heading">
      <h1 id="my-tasks-heading">{t('tasks.myTasks')}</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <p>{t('tasks.noneOpen')}</p>}
      {data && data.items.length > 0 && (
        <div data-testid="my-tasks">
          <TaskList
            tasks={data.items}
            showCase
            canComplete
            onChanged={(task, done) => {
              setAnnouncement(t(done ? 'tasks.markedDone' : 'tasks.reopened', { title: task.title }));
              reload();
            }}
          />
        </div>
      )}
    </section>
  );
}
