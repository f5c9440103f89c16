import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressHistory } from '../api/directives';
import { useFormat } from '../i18n/format';

type Day = ProgressHistory['days'][number];

/**
 * Completion over time as a line of "% done" per day. Like the trend chart, chart.js
 * is loaded only when the chart is shown, and the same figures are a table for screen
 * readers and for reading exact values.
 */
export function CompletionChart({ days, caption }: { days: Day[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  // The days are UTC days: shown as such, so no reader sees them shifted by their time zone.
  const dayLabel = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const labels = days.map((d) => dayLabel.format(new Date(`${d.date}T00:00:00Z`)));

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('chart.js').then(({ Chart, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);
      chart = new Chart(canvas.current, {
        type: 'line',
        data: { labels, datasets: [{ label: t('progress.percentDone'), data: days.map((d) => d.percentDone), borderColor: '#15803d', backgroundColor: '#15803d', stepped: true }] },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } } },
      });
    });
    return () => { cancelled = true; chart?.destroy(); };
  }, [JSON.stringify(days), labels.join()]);

  return (
    <figure className="chart">
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <table>
          <thead><tr><th scope="col">{t('progress.day')}</th><th scope="col">{t('progress.done')}</th><th scope="col">{t('progress.assignments')}</th><th scope="col">{t('progress.percentDone')}</th></tr></thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.date}>
                <th scope="row">{labels[i]}</th><td>{format.number(d.done)}</td><td>{format.number(d.assignments)}</td><td>{t('progress.percent', { n: format.number(d.percentDone) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
