import type { DayFigures } from '../../../../shared/domain/day-close';
import { formatWon } from '../../../../shared/domain/money';
import type { RegisterDay, ShopCloseNote, ShopDay } from '../../../../shared/domain/shop-day';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { DrawerShiftsTable } from '../drawer';
import { useShopDayStrings } from './shop-day-strings';

function signedWon(amount: number, locale: 'ko' | 'en'): string {
  return amount < 0 ? `−${formatWon(-amount, locale)}` : formatWon(amount, locale);
}

/** Card (and the simple payments Toss takes) as against cash: what each register took by tender. */
function tender(register: Pick<RegisterDay, 'byMethod'>, cash: boolean): number {
  return register.byMethod
    .filter((line) => (line.method === '현금') === cash && line.method !== 'none')
    .reduce((sum, line) => sum + line.net, 0);
}

/** The banner of a report made while the shop's figures could not be read, or after another register closed the shop's day. */
export function ShopDayBanner({ shop }: { shop: ShopDay }) {
  const text = useShopDayStrings();
  if (shop.status === 'store-offline')
    return (
      <p className="day-shop-banner" role="status" data-testid="day-shop-offline">
        {text.offline}
      </p>
    );
  if (shop.status === 'closed-by-shop') return <ShopClosedNote note={shop} />;
  return (
    <p className="day-shop-note" data-testid="day-shop-made-on">
      {text.madeOn(shop.madeOn.name)}
    </p>
  );
}

/** The shop's day closed on another register: where, when, by whom. */
export function ShopClosedNote({ note }: { note: ShopCloseNote }) {
  const text = useShopDayStrings();
  const locale = useLocale();
  return (
    <p className="day-shop-note" role="note" data-testid="day-shop-closed-elsewhere">
      {text.closedElsewhere(note.closedOn.name, formatDateTime(note.at, locale), note.by)}
    </p>
  );
}

/** Each register's part of the shop's day, the shop's total under them, then each register's drawer. */
export function ShopDayPanel({
  shop,
  figures,
  open = false,
}: {
  shop: ShopDay;
  figures: DayFigures;
  /** The open day on the screen: no report was made, so nothing says where. */
  open?: boolean;
}) {
  const text = useShopDayStrings();
  const locale = useLocale();
  if (shop.status !== 'shop') return <ShopDayBanner shop={shop} />;
  const total = { byMethod: figures.byMethod };
  return (
    <section className="day-shop" aria-label={text.title} data-testid="day-shop">
      {!open && <ShopDayBanner shop={shop} />}
      <table className="data-table day-table" data-testid="day-shop-registers">
        <caption>{text.title}</caption>
        <thead>
          <tr>
            <th scope="col">{text.register}</th>
            <th scope="col" className="num">
              {text.orders}
            </th>
            <th scope="col" className="num">
              {text.sales}
            </th>
            <th scope="col" className="num">
              {text.refunds}
            </th>
            <th scope="col" className="num">
              {text.card}
            </th>
            <th scope="col" className="num">
              {text.cash}
            </th>
            <th scope="col" className="num">
              {text.net}
            </th>
          </tr>
        </thead>
        <tbody>
          {shop.registers.map((register) => (
            <tr key={register.register.id} data-testid="day-shop-register">
              <th scope="row">{register.register.name}</th>
              <td className="num">{register.orders}</td>
              <td className="num">{formatWon(register.sales, locale)}</td>
              <td className="num">{formatWon(register.refunds.amount, locale)}</td>
              <td className="num">{signedWon(tender(register, false), locale)}</td>
              <td className="num">{signedWon(tender(register, true), locale)}</td>
              <td className="num">{signedWon(register.net, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="day-shop-total">
            <th scope="row">{text.shopTotal}</th>
            <td className="num">{figures.orders}</td>
            <td className="num">{formatWon(figures.sales, locale)}</td>
            <td className="num">{formatWon(figures.refunds.amount, locale)}</td>
            <td className="num">{signedWon(tender(total, false), locale)}</td>
            <td className="num">{signedWon(tender(total, true), locale)}</td>
            <td className="num">{signedWon(figures.net, locale)}</td>
          </tr>
        </tfoot>
      </table>
      {shop.registers.map((register) =>
        register.drawers.length > 0 ? (
          <DrawerShiftsTable
            key={register.register.id}
            shifts={register.drawers}
            caption={text.drawersOf(register.register.name)}
          />
        ) : (
          <p key={register.register.id} className="field-hint">
            {text.drawersOf(register.register.name)}: {text.noDrawer}
          </p>
        ),
      )}
    </section>
  );
}
