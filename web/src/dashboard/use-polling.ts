import { useEffect, useState } from 'react';
import { ApiError, apiGet } from '../api/client.js';

/** Loads `path` now and again every `intervalMs`, keeping the last answer on screen while it refreshes. */
export function usePolling<T>(path: string, intervalMs: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      apiGet<T>(path, controller.signal)
        .then((result) => {
          setData(result);
          setError(undefined);
        })
        .catch((caught: unknown) => {
          if (caught instanceof DOMException && caught.name === 'AbortError') return;
          setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
        });
    };
    load();
    const timer = window.setInterval(load, intervalMs);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [path, intervalMs]);
  return { data, error };
}
