import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated, setCsrfToken, unwrap } from './api/client';
import type { paths } from './api/schema';

export type Me = paths['/api/v1/session']['get']['responses'][200]['content']['application/json'];

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Who is signed in, read from the server (the session cookie is HttpOnly: the page never sees it). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const loadMe = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/session');
    if (response.ok && data) {
      setCsrfToken(data.csrfToken);
      setState({ status: 'signed-in', me: data });
    } else {
      setCsrfToken(null);
      setState({ status: 'signed-out' });
    }
  }, []);

  useEffect(() => {
    loadMe().catch(() => setState({ status: 'signed-out' }));
    onUnauthenticated(() => {
      setCsrfToken(null);
      setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : previous));
    });
  }, [loadMe]);

  const value = useMemo<SessionApi>(() => ({
    state,
    async signIn(email, password) {
      const session = await unwrap(api.POST('/api/v1/session', { body: { email, password } }));
      setCsrfToken(session.csrfToken);
      await loadMe();
    },
    async signOut() {
      await unwrap(api.DELETE('/api/v1/session')).catch(() => undefined);
      setCsrfToken(null);
      setState({ status: 'signed-out', reason: 'signed-out' });
    },
  }), [state, loadMe]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe while signed out');
  return state.me;
}

/** Whether the actor may open a unit with these ancestors (ids root first): the same rule as the server's policy. */
export function canRead(me: Me, unitId: string, ancestorIds: string[]): boolean {
  if (me.isAdmin) return true;
  if (me.officialUnitIds.some((id) => id === unitId || ancestorIds.includes(id))) return true;
  return me.cellId === unitId;
}
