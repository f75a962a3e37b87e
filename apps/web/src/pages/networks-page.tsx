import { Network } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useResource, useSession } from '../session-context';
import { Loading, PageTitle } from '../ui/components';

/** The networks the person holds a role in, from the token or granted; their names come from the api. */
export function useNetworks() {
  const { networks } = useSession();
  const ids = networks.map((network) => network.networkId).sort();
  return useResource(`networks:${ids.join(',')}`, (api) =>
    Promise.all(ids.map((id) => api.get<Network>(`/networks/${id}`).then((network) => ({ id, network }), () => ({ id, network: null as Network | null })))),
  );
}

export function NetworksPage() {
  const { t, concept } = useI18n();
  const { networks: held } = useSession();
  const networks = useNetworks();
  const rolesIn = (id: string) => [...new Set(held.find((network) => network.networkId === id)?.roles.map(({ role }) => role) ?? [])];
  return (
    <>
      <PageTitle>{t('networks.title')}</PageTitle>
      {networks.loading && !networks.data ? <Loading /> : null}
      {networks.data && networks.data.length === 0 ? <p>{t('networks.none')}</p> : null}
      {networks.data && networks.data.length > 0 ? (
        <>
          <p>{t('networks.intro')}</p>
          <ul className="network-list">
            {networks.data.map(({ id, network }) => (
              <li key={id} className="card">
                {network ? (
                  <>
                    <h2>
                      <Link to={`/n/${id}`}>{network.name}</Link>
                    </h2>
                    <p>{network.region}</p>
                  </>
                ) : (
                  <h2>{t('networks.unavailable', { id })}</h2>
                )}
                <p className="muted">{t('networks.roles', { roles: rolesIn(id).map((role) => concept('role', role)).join(', ') })}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
