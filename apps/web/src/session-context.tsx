import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ACCESS_POLICY, Action } from '../../api/src/access/access-policy';
import { Api, ApiError, createApi } from './api/client';
import { forgetToken, Session } from './auth/session';

export interface WebConfig {
  authMode: 'embedded' | 'oidc';
  rolesClaim: string;
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

interface SessionContextValue {
  session: Session;
  api: Api;
  /** The global position of this person's last write: reads wait until the read models have reached it. */
  after: string | null;
  recordWrite(position: string): void;
  /** Whether the person's roles in the network allow the action (the api still decides). */
  can(action: Action, networkId: string): boolean;
  signOut(): void;
}

const Context = createContext<SessionContextValue | null>(null);

export function SessionProvider({ session, onSignOut, children }: { session: Session; onSignOut(expired: boolean): void; children: ReactNode }) {
  const [after, setAfter] = useState<string | null>(null);
  const signOutRef = useRef(onSignOut);
  signOutRef.current = onSignOut;
  const api = useMemo(() => createApi(session.token, () => signOutRef.current(true)), [session.token]);
  const signOut = useCallback(() => {
    forgetToken();
    signOutRef.current(false);
  }, []);
  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      api,
      after,
      recordWrite: (position) => setAfter(position),
      can: (action, networkId) => {
        const rule = ACCESS_POLICY[action];
        if (session.admin && rule.admin) return true;
        const held = session.networkRoles[networkId.toLowerCase()] ?? [];
        return held.some((role) => (rule.roles as readonly string[]).includes(role));
      },
      signOut,
    }),
    [session, api, after, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Loads from the api when the key changes or after this person's own writes. */
export function useResource<T>(key: string | null, load: (api: Api, after: string | null) => Promise<T>): Resource<T> {
  const { api, after } = useSession();
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: key !== null });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current(api, after).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          data: null,
          error: error instanceof ApiError ? error : new ApiError({ status: 0, code: 'client.error', title: String(error) }),
          loading: false,
        }),
    );
    return () => {
      current = false;
    };
  }, [api, key, after, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}
