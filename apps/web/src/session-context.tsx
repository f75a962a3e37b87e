import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Api, ApiError, createApi } from './api/client';
import { Action, Me, MeNetwork } from './api/types';
import { forgetToken, Session } from './auth/session';
import { Loading } from './ui/components';

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
  /** The networks where the person holds a role, from the token or granted, as GET /me answers them. */
  networks: MeNetwork[];
  /** Whether the api says the person may take the action in the network (it still decides on each request). */
  can(action: Action, networkId: string): boolean;
  /** Asks the api again what the person may do: after a role was granted or revoked. */
  reloadAccess(): void;
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
  const access = useAccess(api, after);
  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      api,
      after,
      recordWrite: (position) => setAfter(position),
      networks: access.me?.networks ?? [],
      can: (action, networkId) => {
        if (!access.me) return false;
        if (access.me.adminActions.includes(action)) return true;
        const network = access.me.networks.find((entry) => entry.networkId === networkId.toLowerCase());
        return network?.actions.includes(action) ?? false;
      },
      reloadAccess: access.reload,
      signOut,
    }),
    [session, api, after, access, signOut],
  );
  if (!access.settled) return <Loading />;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/**
 * What the person may do, from GET /me: loaded at sign-in, after their own writes (a role grant among them), on
 * reload, and when the page is shown again, so that a role granted or revoked elsewhere reaches the page.
 */
function useAccess(api: Api, after: string | null): { me: Me | null; settled: boolean; reload(): void } {
  const [state, setState] = useState<{ me: Me | null; settled: boolean }>({ me: null, settled: false });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);
  useEffect(() => {
    let current = true;
    api.get<Me>('/me', { after }).then(
      (me) => current && setState({ me, settled: true }),
      () => current && setState((previous) => ({ me: previous.me, settled: true })),
    );
    return () => {
      current = false;
    };
  }, [api, after, generation]);
  return useMemo(() => ({ ...state, reload }), [state, reload]);
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
