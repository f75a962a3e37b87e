import { FormEvent, useEffect, useState } from 'react';
import { API_BASE } from '../api/client';
import { completeOidcSignIn, startOidcSignIn } from '../auth/oidc';
import { InvalidToken, Session, sessionFromToken, storeToken } from '../auth/session';
import { FieldErrors, TextAreaField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import type { WebConfig } from '../session-context';
import { PageTitle } from '../ui/components';

/** Sign-in: with the identity provider (OIDC) or, in the embedded mode, with a token from the CLI pasted once. */
export function SignInPage({ config, notice, onSignedIn }: { config: WebConfig; notice: string | null; onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const { path } = useRouter();
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') {
      setErrors({ token: [t('signIn.empty')] });
      return;
    }
    let session: Session;
    try {
      session = sessionFromToken(token, config.rolesClaim);
    } catch (error) {
      setErrors({ token: [t('signIn.invalid', { reason: error instanceof InvalidToken ? error.message : String(error) })] });
      return;
    }
    setBusy(true);
    // The api checks the signature: a token it refuses is not kept.
    const response = await fetch(`${API_BASE}/me`, { headers: { authorization: `Bearer ${session.token}` } }).catch(() => null);
    setBusy(false);
    if (!response) {
      setProblem(t('app.unreachable'));
      return;
    }
    if (response.status === 401) {
      setErrors({ token: [t('signIn.rejected')] });
      return;
    }
    storeToken(session.token);
    onSignedIn(session);
  };

  const oidc = config.authMode === 'oidc' ? config.oidc : null;
  return (
    <div className="sign-in">
      <PageTitle subtitle={t('app.tagline')}>{t('signIn.title')}</PageTitle>
      <p>{t('signIn.intro')}</p>
      {problem ? (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      ) : null}
      {oidc ? (
        <button
          type="button"
          onClick={() =>
            startOidcSignIn(oidc, path === '/sign-in' ? '/' : path).catch((error: unknown) => setProblem(t('signIn.oidcFailed', { detail: String(error) })))
          }
        >
          {t('signIn.oidc')}
        </button>
      ) : (
        <form noValidate onSubmit={onSubmit} className="card form-card" aria-label={t('signIn.title')}>
          <TextAreaField name="token" label={t('signIn.token')} hint={t('signIn.tokenHint')} required rows={5} value={token} onChange={setToken} errors={errors} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('signIn.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** A code can be exchanged only once, also when React runs the effect twice. */
let exchangeStarted = false;

/** Where the identity provider sends the browser back: exchanges the code and signs in. */
export function OidcCallbackPage({ config, onSignedIn, onFailed }: { config: WebConfig; onSignedIn(session: Session, returnTo: string): void; onFailed(message: string): void }) {
  const { t } = useI18n();
  const { search } = useRouter();
  useEffect(() => {
    if (!config.oidc || exchangeStarted) return;
    exchangeStarted = true;
    completeOidcSignIn(config.oidc, search).then(
      ({ token, returnTo }) => {
        storeToken(token);
        onSignedIn(sessionFromToken(token, config.rolesClaim), returnTo);
      },
      (error: unknown) => onFailed(t('signIn.oidcFailed', { detail: String(error instanceof Error ? error.message : error) })),
    );
  }, [config, search, onSignedIn, onFailed, t]);
  return <PageTitle>{t('signIn.completing')}</PageTitle>;
}
