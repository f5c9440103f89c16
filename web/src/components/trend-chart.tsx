import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export interface TrendWeek { week: string; opened: number; resolved: number }

/**
 * Cases opened and resolved per week, as bars. chart.js is loaded only when a chart is
 * shown (it would double the first page's weight); the same figures are a table below
 * the canvas, for screen readers and for reading exact values.
 */
export function TrendChart({ weeks, caption }: { weeks: TrendWeek[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = weeks.map((w) => format.date(w.week));

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels,
          datasets: [
            { label: t('dashboard.opened'), data: weeks.map((w) => w.opened), backgroundColor: '#b45309' },
            { label: t('dashboard.resolvedInWeek'), data: weeks.map((w) => w.resolved), backgroundColor: '#15803d' },
          ],
        },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    return () => { cancelled = true; chart?.destroy(); };
  }, [JSON.stringify(weeks), labels.join()]);

  return (
    <figure className="chart">
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <table>
          <thead><tr><th scope="col">{t('dashboard.week')}</th><th scope="col">{t('dashboard.opened')}</th><th scope="col">{t('dashboard.resolvedInWeek')}</th></tr></thead>
          <tbody>
            {weeks.map((w, i) => (
              <tr key={w.week}><th scope="row">{labels[i]}</th><td>{format.number(w.opened)}</td><td>{format.number(w.resolved)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
