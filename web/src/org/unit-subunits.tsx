import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useLevels } from '../api/levels';
import { usePages } from '../api/use-pages';
import { TableWrap } from '../components/table-wrap';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useFormat } from '../i18n/format';
import type { UnitView } from './unit-page';

export function UnitSubunits({ unit }: { unit: UnitView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { levelName } = useLevels();
  const children = usePages(`${unit.id}|${unit.counts.units}`, (cursor) =>
    unwrap(api.GET('/api/v1/units/{id}/children', { params: { path: { id: unit.id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } })));
  return (
    <section aria-labelledby="subunits-heading">
      <h2 id="subunits-heading">{t('unit.subunits')}</h2>
      <ErrorMessage error={children.error} />
      {children.items.length === 0 && !children.loading && !children.error && <Empty>{t('unit.noSubunits')}</Empty>}
      {children.items.length > 0 && (
        <TableWrap labelledBy="subunits-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('unit.name')}</th>
                <th scope="col">{t('unit.level')}</th>
                <th scope="col" className="num">{t('unit.units')}</th>
                <th scope="col" className="num">{t('unit.cells')}</th>
                <th scope="col" className="num">{t('unit.members')}</th>
              </tr>
            </thead>
            <tbody>
              {children.items.map((child) => (
                <tr key={child.id}>
                  <th scope="row"><Link href={`/units/${child.id}`}>{child.name}</Link></th>
                  <td>{levelName(child.level)}</td>
                  <td className="num">{child.isCell ? '–' : format.number(child.counts.units)}</td>
                  <td className="num">{child.isCell ? '–' : format.number(child.counts.cells)}</td>
                  <td className="num">{format.number(child.counts.members)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {children.loading && <Loading />}
      {children.hasMore && !children.loading && <button type="button" className="secondary" onClick={children.more}>{t('common.showMore')}</button>}
    </section>
  );
}
