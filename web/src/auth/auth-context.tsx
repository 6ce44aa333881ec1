import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, apiPost, onUnauthorized } from '../api/client.js';
import type { Me } from '../api/types.js';

/** What the server asks for after a right password of a manager or administrator. */
export interface SecondFactorStep {
  step: 'code' | 'enrol';
  secret?: string;
  otpauthUri?: string;
}

interface AuthState {
  /** undefined while checking the session; null when signed out. */
  me: Me | null | undefined;
  sessionError: ApiError | undefined;
  /** Signs in; answers the second factor's step when one is asked for, else null (signed in). */
  signIn: (email: string, password: string) => Promise<SecondFactorStep | null>;
  /**
   * Gives the second factor. Signed in at once, unless it confirmed a new enrolment: then the
   * recovery codes are answered and `enter` signs in once the user has kept them.
   */
  submitSecondFactor: (body: {
    code?: string;
    recoveryCode?: string;
  }) => Promise<{ recoveryCodes: string[]; enter: () => void } | null>;
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
    const result = await apiPost<{ user: Me } | { secondFactor: SecondFactorStep }>('/auth/login', {
      email,
      password,
    });
    setSessionError(undefined);
    if ('secondFactor' in result) return result.secondFactor;
    setMe(result.user);
    return null;
  }, []);

  const submitSecondFactor = useCallback(async (body: { code?: string; recoveryCode?: string }) => {
    const result = await apiPost<{ user: Me; recoveryCodes?: string[] }>('/auth/login/second-factor', body);
    if (result.recoveryCodes) return { recoveryCodes: result.recoveryCodes, enter: () => setMe(result.user) };
    setMe(result.user);
    return null;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiPost<void>('/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo(
    () => ({ me, sessionError, signIn, submitSecondFactor, signOut }),
    [me, sessionError, signIn, submitSecondFactor, signOut],
  );
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
