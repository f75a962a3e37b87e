import { ReactNode, useEffect, useMemo, useState } from 'react';
import { CALLBACK_PATH } from './auth/oidc';
import { ROLES_CLAIM, Session, storedSession } from './auth/session';
import { useI18n } from './i18n/i18n';
import { AssessmentPage, AssessmentsPage } from './pages/assessment-pages';
import { AuditLogPage } from './pages/audit-page';
import { BoardPage } from './pages/board-page';
import { DefineGoalPage } from './pages/define-goal-page';
import { GoalPage } from './pages/goal-page';
import { NetworksPage, useNetworks } from './pages/networks-page';
import { OffersPage } from './pages/offers-page';
import { OidcCallbackPage, SignInPage } from './pages/sign-in-page';
import { BodiesPage, BodyPage, MeetingPage, OrganisationsPage } from './pages/structure-pages';
import { Link, match, useRouter } from './router';
import { SessionProvider, useSession, WebConfig } from './session-context';
import { Loading, PageTitle } from './ui/components';

const LAST_NETWORK_KEY = 'kreislauf.network';

export function App() {
  const { t } = useI18n();
  const { path, navigate } = useRouter();
  const [config, setConfig] = useState<WebConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const fallback: WebConfig = { authMode: 'embedded', rolesClaim: ROLES_CLAIM, oidc: null };
    fetch('/web-config.json')
      .then((response) => (response.ok ? (response.json() as Promise<WebConfig>) : fallback))
      .catch(() => fallback)
      .then((loaded) => {
        setConfig(loaded);
        setSession(storedSession(loaded.rolesClaim));
      });
  }, []);

  if (!config) return <Loading />;
  if (path === CALLBACK_PATH) {
    return (
      <Shell>
        <OidcCallbackPage
          config={config}
          onSignedIn={(signedIn, returnTo) => {
            setSession(signedIn);
            navigate(returnTo, { replace: true });
          }}
          onFailed={(message) => {
            setNotice(message);
            navigate('/sign-in', { replace: true });
          }}
        />
      </Shell>
    );
  }
  if (!session) {
    return (
      <Shell>
        <SignInPage
          config={config}
          notice={notice}
          onSignedIn={(signedIn) => {
            setNotice(null);
            setSession(signedIn);
            if (path === '/sign-in') navigate('/', { replace: true });
          }}
        />
      </Shell>
    );
  }
  return (
    <SessionProvider
      session={session}
      onSignOut={(expired) => {
        setNotice(expired ? t('app.sessionExpired') : null);
        setSession(null);
        navigate('/sign-in');
      }}
    >
      <SignedIn />
    </SessionProvider>
  );
}

/** The page frame: skip link, header with language switch, and the main landmark. */
function Shell({ children, header }: { children: ReactNode; header?: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-row">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {header}
          <button type="button" className="link-button" lang={locale === 'de' ? 'en' : 'de'} aria-label={t('app.switchLanguageLabel')} onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
            {t('app.switchLanguage')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function SignedIn() {
  const { t } = useI18n();
  const { path, navigate } = useRouter();
  const { session, networks: held, can, signOut } = useSession();
  const networks = useNetworks();
  const networkId = /^\/n\/([^/]+)/.exec(path)?.[1] ?? null;
  const networkIds = useMemo(() => held.map((network) => network.networkId), [held]);

  useEffect(() => {
    if (path === '/' || path === '/sign-in') {
      const last = localStorage.getItem(LAST_NETWORK_KEY);
      if (last && networkIds.includes(last)) navigate(`/n/${last}`, { replace: true });
      else if (networkIds.length === 1) navigate(`/n/${networkIds[0]}`, { replace: true });
      else navigate('/networks', { replace: true });
    }
  }, [path, navigate, networkIds]);
  useEffect(() => {
    if (networkId) localStorage.setItem(LAST_NETWORK_KEY, networkId);
  }, [networkId]);

  const network = networks.data?.find((entry) => entry.id === networkId)?.network ?? null;
  const header = (
    <>
      {networkId ? (
        <span className="network-name">
          <span className="visually-hidden">{t('app.network')}: </span>
          {network?.name ?? ''}
        </span>
      ) : null}
      <span className="user">{t('app.signedInAs', { name: session.displayName ?? session.userId })}</span>
      {networkIds.length > 1 ? (
        <Link to="/networks" className="header-link">
          {t('app.changeNetwork')}
        </Link>
      ) : null}
      <button type="button" className="link-button" onClick={signOut}>
        {t('app.signOut')}
      </button>
    </>
  );
  const nav = networkId ? (
    <nav aria-label={t('app.mainNav')} className="main-nav">
      <ul>
        {(
          [
            ['nav.board', `/n/${networkId}`, 'cycle_board.read'],
            ['nav.organisations', `/n/${networkId}/organisations`, 'organisations.read'],
            ['nav.bodies', `/n/${networkId}/bodies`, 'bodies.read'],
            ['nav.offers', `/n/${networkId}/offers`, 'offers.read'],
            ['nav.assessments', `/n/${networkId}/assessments`, 'assessment.read'],
            ['nav.audit', `/n/${networkId}/audit`, 'audit.read'],
          ] as const
        )
          .filter(([, , action]) => can(action, networkId))
          .map(([key, to]) => {
            const current = to === `/n/${networkId}` ? path === to || path.startsWith(`${to}/goals`) : path.startsWith(to);
            return (
              <li key={key}>
                <Link to={to} aria-current={current ? 'page' : undefined}>
                  {t(key)}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  ) : null;
  return (
    <Shell header={header}>
      {nav}
      <Page networkName={network?.name ?? ''} />
    </Shell>
  );
}

function Page({ networkName }: { networkName: string }) {
  const { t } = useI18n();
  const { path } = useRouter();
  let params: Record<string, string> | null;
  if (path === '/' || path === '/sign-in') return <Loading />;
  if (path === '/networks') return <NetworksPage />;
  if ((params = match('/n/:networkId', path))) return <BoardPage networkId={params.networkId} networkName={networkName} />;
  if ((params = match('/n/:networkId/goals/new', path))) return <DefineGoalPage networkId={params.networkId} />;
  if ((params = match('/n/:networkId/goals/:goalId', path))) return <GoalPage key={params.goalId} networkId={params.networkId} goalId={params.goalId} />;
  if ((params = match('/n/:networkId/organisations', path))) return <OrganisationsPage networkId={params.networkId} />;
  if ((params = match('/n/:networkId/bodies', path))) return <BodiesPage networkId={params.networkId} />;
  if ((params = match('/n/:networkId/bodies/:bodyId', path))) return <BodyPage key={params.bodyId} networkId={params.networkId} bodyId={params.bodyId} />;
  if ((params = match('/n/:networkId/meetings/:meetingId', path))) return <MeetingPage key={params.meetingId} networkId={params.networkId} meetingId={params.meetingId} />;
  if ((params = match('/n/:networkId/offers', path))) return <OffersPage networkId={params.networkId} />;
  if ((params = match('/n/:networkId/assessments', path))) return <AssessmentsPage networkId={params.networkId} />;
  if ((params = match('/n/:networkId/assessments/:assessmentId', path))) return <AssessmentPage key={params.assessmentId} networkId={params.networkId} assessmentId={params.assessmentId} />;
  if ((params = match('/n/:networkId/audit', path))) return <AuditLogPage networkId={params.networkId} />;
  return <PageTitle>{t('app.notFound')}</PageTitle>;
}
