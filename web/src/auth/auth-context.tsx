import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, apiPost, onUnauthorized } from '../api/client.js';
import type { Me } from '../api/types.js';

interface AuthState {
  /** undefined while checking the session; null when signed out. */
  me: Me | null | undefined;
  sessionError: ApiError | undefined;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

/** Holds the signed-in user; any 401 from the API signs the UI out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [sessionError, setSessionError] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    apiGet<{ user: Me }>('/auth/me', controller.signal)
      .then((result) => setMe(result.user))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status !== 401) setSessionError(error);
        setMe(null);
      });
    return () => controller.abort();
  }, []);

  useEffect(() => onUnauthorized(() => setMe(null)), []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await apiPost<{ user: Me }>('/auth/login', { email, password });
    setSessionError(undefined);
    setMe(result.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiPost<void>('/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, sessionError, signIn, signOut }), [me, sessionError, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; must be used under AuthProvider. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

/** The signed-in user; only for pages rendered behind the login gate. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe called while signed out');
  return me;
}
