import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { BarChart } from './bar-chart';

export interface TrendWeek { week: string; opened: number; resolved: number }

/** Cases opened and resolved per week, as bars (with the same figures as a table). */
export function TrendChart({ weeks, caption }: { weeks: TrendWeek[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <BarChart
      labels={weeks.map((w) => format.date(w.week))} caption={caption} labelHeading={t('dashboard.week')}
      formatValue={(v) => (v === null ? '' : format.number(v))}
      series={[
        { label: t('dashboard.opened'), values: weeks.map((w) => w.opened), color: '#b45309' },
        { label: t('dashboard.resolvedInWeek'), values: weeks.map((w) => w.resolved), color: '#15803d' },
      ]}
    />
  );
}
