import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { DayFigures } from '../../../../shared/domain/day-close';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { useDayCloseStrings } from './day-close-strings';

const WIDTH = 880;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 72 };

/** Compact won for the axis: 12만 / 120k. */
function shortWon(amount: number, locale: 'ko' | 'en'): string {
  if (amount === 0) return '0';
  if (locale === 'ko')
    return amount >= 10_000 ? `${Math.round(amount / 1_000) / 10}만` : `${amount.toLocaleString('ko-KR')}`;
  return amount >= 1_000 ? `₩${Math.round(amount / 100) / 10}k` : `₩${amount}`;
}

/** The day's sales by the hour they were rung up, as bars; each bar names its hour, orders and won for screen readers. */
export function HourlyChart({ byHour }: { byHour: DayFigures['byHour'] }) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<number>({ domain: byHour.map((h) => h.hour), range: [0, innerWidth], padding: 0.2 });
  const top = Math.max(1_000, ...byHour.map((h) => h.sales));
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: true });
  return (
    <section className="panel day-panel" aria-labelledby="day-hour-title">
      <h2 id="day-hour-title">{text.byHour}</h2>
      <svg
        className="day-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="day-hour-title"
        data-testid="day-hour-chart"
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          {byHour.map((hour) => {
            const barHeight = innerHeight - (y(hour.sales) ?? innerHeight);
            return (
              <Bar
                key={hour.hour}
                className="day-chart-bar"
                x={x(hour.hour) ?? 0}
                y={innerHeight - barHeight}
                width={x.bandwidth()}
                height={barHeight}
                data-testid={`day-hour-${hour.hour}`}
              >
                <title>{text.hourBar(hour.hour, hour.orders, formatWon(hour.sales, locale))}</title>
              </Bar>
            );
          })}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(value) => shortWon(Number(value), locale)}
            stroke="var(--line-strong)"
            tickStroke="var(--line-strong)"
            tickLabelProps={{ fill: 'var(--text-2)', fontSize: 12 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={byHour.filter((h) => h.hour % 3 === 0).map((h) => h.hour)}
            tickFormat={(hour) => text.hourLabel(Number(hour))}
            stroke="var(--line-strong)"
            tickStroke="var(--line-strong)"
            tickLabelProps={{ fill: 'var(--text-2)', fontSize: 12 }}
          />
        </Group>
      </svg>
    </section>
  );
}
