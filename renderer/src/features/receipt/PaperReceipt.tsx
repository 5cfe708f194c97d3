import type { CSSProperties } from 'react';
import { contentWidthMm } from './paper-layout';
import { QrCode } from './QrCode';
import type { PaperItem, PaperReceiptModel, PaperRow } from './receipt-model';
import './paper.css';

function Rows({ rows, className }: { rows: PaperRow[]; className?: string }) {
  if (rows.length === 0) return null;
  return (
    <dl className={className === undefined ? 'paper-rows' : `paper-rows ${className}`}>
      {rows.map((row, index) => (
        <div key={`${index}-${row.label}`} className="paper-row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What goes under an item's name: its options and the cashier's memo. */
function ItemNotes({ item }: { item: PaperItem }) {
  return (
    <>
      {item.options !== null && <span className="paper-options">{item.options}</span>}
      {item.memo !== null && <span className="paper-memo">* {item.memo}</span>}
    </>
  );
}

function ItemColumns({ items, head }: { items: PaperItem[]; head: PaperReceiptModel['columns'] }) {
  return (
    <table className="paper-items">
      <thead>
        <tr>
          <th scope="col">{head.item}</th>
          <th scope="col">{head.quantity}</th>
          <th scope="col">{head.amount}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={index}>
            <td>
              {item.name}
              <ItemNotes item={item} />
              {item.unitPrice !== null && <span className="paper-unit">{item.unitPrice}</span>}
            </td>
            <td>{item.quantity ?? ''}</td>
            <td>{item.amount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ItemsStacked({ items, head }: { items: PaperItem[]; head: PaperReceiptModel['columns'] }) {
  return (
    <ul className="paper-items-stacked">
      {items.map((item, index) => (
        <li key={index}>
          <span className="paper-item-name">{item.name}</span>
          <ItemNotes item={item} />
          <span className="paper-item-detail">
            <span>
              {item.quantity === null
                ? ''
                : item.unitPrice === null
                  ? `${head.quantity} ${item.quantity}`
                  : `${item.unitPrice} × ${item.quantity}`}
            </span>
            <span>{item.amount}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A receipt as it comes out of a thermal printer: black on white, sized in millimetres for its paper. */
export function PaperReceipt({ model, testId }: { model: PaperReceiptModel; testId?: string }) {
  const { layout } = model;
  const style = {
    '--paper-width': `${layout.paperWidth}mm`,
    '--paper-content': `${contentWidthMm(layout)}mm`,
    '--paper-margin': `${layout.marginMm}mm`,
    '--paper-font': `${layout.fontSizePt}pt`,
  } as CSSProperties;
  return (
    <article
      className={`paper paper-${layout.paperWidth}`}
      style={style}
      data-testid={testId}
      data-paper-width={layout.paperWidth}
    >
      {model.training !== null && <p className="paper-banner">{model.training}</p>}
      {model.notice !== null && <p className="paper-banner">{model.notice}</p>}
      <header className="paper-store">
        {model.store === null ? (
          <p className="paper-store-missing">{model.storeMissing}</p>
        ) : (
          <>
            <p className="paper-store-name">{model.store.name}</p>
            {model.store.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </>
        )}
      </header>
      <p className="paper-title">{model.title}</p>
      <Rows rows={model.meta} />
      <hr />
      {layout.items === 'columns' ? (
        <ItemColumns items={model.items} head={model.columns} />
      ) : (
        <ItemsStacked items={model.items} head={model.columns} />
      )}
      <hr />
      {model.subtotal !== null && <Rows rows={[model.subtotal]} />}
      <Rows rows={model.adjustments} />
      <Rows rows={[model.total]} className="paper-total" />
      <Rows rows={model.taxes} />
      <hr />
      <Rows rows={model.payment} />
      {model.qr !== null && (
        <figure className="paper-qr-box">
          <QrCode text={model.qr.url} sizeMm={layout.qrSizeMm} label={model.qr.caption} />
          <figcaption>{model.qr.caption}</figcaption>
        </figure>
      )}
      <p className="paper-footer">{model.footer}</p>
    </article>
  );
}
