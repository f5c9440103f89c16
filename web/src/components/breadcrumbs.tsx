import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { canRead, useMe } from '../session';

interface Crumb { id: string; name: string }

/** Ancestors from the root down: links where the reader may go, names only above their part of the tree. */
export function Breadcrumbs({ ancestors, current }: { ancestors: Crumb[]; current: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav aria-label={t('unit.breadcrumbs')} className="breadcrumbs">
      <ol>
        {ancestors.map((unit, index) => (
          <li key={unit.id}>
            {canRead(me, unit.id, ancestors.slice(0, index).map((a) => a.id))
              ? <Link href={`/units/${unit.id}`}>{unit.name}</Link>
              : <span>{unit.name}</span>}
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
