import { LIFE_PHASES } from '@kreislauf/domain';
import { OfferLandscape } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../session-context';
import { ErrorNotice, Loading, PageTitle } from '../ui/components';

/** The offer landscape: life phases by district, with gaps and duplicate structures marked in words, not colour alone. */
export function OffersPage({ networkId }: { networkId: string }) {
  const { t, date, label } = useI18n();
  const resource = useResource(`offers:${networkId}`, (api, after) => api.get<OfferLandscape>(`/networks/${networkId}/offer-landscape`, { after }));
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const landscape = resource.data;
  const duplicateCells = new Set(landscape.duplicates.map((duplicate) => `${duplicate.lifePhase}|${duplicate.district}`));
  const lifePhase = (key: string) => label(LIFE_PHASES.find((phase) => phase.key === key), key);
  const { summary } = landscape;
  return (
    <>
      <PageTitle subtitle={t('offers.intro', { date: date(landscape.on) })}>{t('offers.title')}</PageTitle>
      <p>{t('offers.summary', { offers: summary.offers, covered: summary.coveredCells, cells: summary.cells, gaps: summary.gaps, duplicates: summary.duplicates })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="landscape-caption">
        <table className="landscape">
          <caption id="landscape-caption">{t('offers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('offers.lifePhase')}</th>
              {landscape.districts.map((district) => (
                <th scope="col" key={district}>
                  {district}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {landscape.rows.map((row) => (
              <tr key={row.lifePhase.key}>
                <th scope="row">{label(row.lifePhase, row.lifePhase.key)}</th>
                {row.cells.map((cell) => {
                  const duplicate = duplicateCells.has(`${row.lifePhase.key}|${cell.district}`);
                  const gap = cell.offers.length === 0;
                  return (
                    <td key={cell.district} className={gap ? 'cell-gap' : duplicate ? 'cell-duplicate' : 'cell-covered'}>
                      {gap ? <span className="cell-mark">{t('offers.gap')}</span> : null}
                      {duplicate ? <span className="cell-mark">{t('offers.duplicate')}</span> : null}
                      {cell.offers.length > 0 ? (
                        <ul>
                          {cell.offers.map((offer) => (
                            <li key={offer.id}>{offer.title}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">{t('offers.duplicates')}</h2>
        {landscape.duplicates.length === 0 ? (
          <p>{t('offers.noDuplicates')}</p>
        ) : (
          <ul>
            {landscape.duplicates.map((duplicate) => (
              <li key={`${duplicate.lifePhase}|${duplicate.district}|${duplicate.targetGroup}`}>
                {t('offers.duplicateLine', {
                  lifePhase: lifePhase(duplicate.lifePhase),
                  district: duplicate.district,
                  targetGroup: duplicate.targetGroup,
                  offers: duplicate.offers.map((offer) => offer.title).join(', '),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
