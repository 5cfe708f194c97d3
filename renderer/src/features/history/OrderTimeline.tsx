import type { Order } from '../../../../shared/domain/order';
import { orderTimeline } from '../../../../shared/domain/order-timeline';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { describeEvent } from './describe-event';
import { useHistoryStrings } from './history-strings';

/** Every event the order's record holds, oldest first: created, each payment attempt, paid, each refund. */
export function OrderTimeline({ order }: { order: Order }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  return (
    <section className="detail-section" aria-labelledby="detail-timeline-title">
      <h3 id="detail-timeline-title">{text.timelineTitle}</h3>
      <ol className="timeline" data-testid="detail-timeline">
        {orderTimeline(order).map((event, index) => {
          const described = describeEvent(event, text, locale);
          return (
            <li
              key={index}
              className={`timeline-event timeline-${described.tone}`}
              data-testid={`timeline-${event.kind}`}
            >
              <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
              <span className="timeline-title">{described.title}</span>
              {described.details.map((detail) => (
                <span key={detail} className="timeline-detail">
                  {detail}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
