import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarSeries { label: string; values: Array<number | null>; color: string }

interface BarChartProps {
  /** One label per bar (or group of bars). */
  labels: string[];
  series: BarSeries[];
  caption: string;
  /** The heading of the table's first column, which holds the labels. */
  labelHeading: string;
  /** How a value reads in the table and the tooltips, e.g. "72.5 %". */
  formatValue: (value: number | null) => string;
  /** Bars across instead of up: long labels (unit names) stay readable on a phone. */
  horizontal?: boolean;
  /** A fixed top of the value axis, e.g. 100 for percentages. */
  max?: number;
}

/**
 * Bars from chart.js, which is loaded only when a chart is shown (it would double the
 * first page's weight). The same figures are a table below the canvas, for screen
 * readers and for reading exact values.
 */
export function BarChart({ labels, series, caption, labelHeading, formatValue, horizontal = false, max }: BarChartProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const formatRef = useRef(formatValue);
  formatRef.current = formatValue;

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
      const valueAxis = { beginAtZero: true, ...(max === undefined ? {} : { max }), ticks: { precision: 0 } };
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
        options: {
          animation: false, maintainAspectRatio: false, indexAxis: horizontal ? 'y' : 'x',
          plugins: {
            legend: { display: series.length > 1 },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatRef.current(item.raw as number | null)}` } },
          },
          scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        },
      });
    });
    return () => { cancelled = true; chart?.destroy(); };
  }, [JSON.stringify(series), labels.join('\u0000'), horizontal, max]);

  // Sideways bars need room per label, or a region's dozens of districts squeeze into a smear.
  const height = horizontal ? `${Math.max(10, labels.length * 2.25 + 3)}rem` : undefined;
  return (
    <figure className="chart">
      <div className="chart-canvas" style={height ? { height } : undefined}>
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      <figcaption>{caption}</figcaption>
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <table>
          <thead>
            <tr><th scope="col">{labelHeading}</th>{series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}</tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {series.map((s) => <td key={s.label} className="num">{formatValue(s.values[i] ?? null)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
