import type { OptionGroup } from '../../../../shared/domain/catalog';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { useCatalogStrings } from './catalog-strings';
import './catalog.css';

interface OptionGroupsPanelProps {
  groups: readonly OptionGroup[];
  onAdd: () => void;
  onEdit: (group: OptionGroup) => void;
  onRetireGroup: (groupId: string, retired: boolean) => void;
  onSoldOut: (optionId: string, soldOut: boolean) => void;
  onRetireOption: (optionId: string, retired: boolean) => void;
}

/** The option groups, retired ones included: each with its bounds and its options, which sell out or retire from here. */
export function OptionGroupsPanel({
  groups,
  onAdd,
  onEdit,
  onRetireGroup,
  onSoldOut,
  onRetireOption,
}: OptionGroupsPanelProps) {
  const text = useCatalogStrings();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="option-groups-title" data-testid="option-groups-panel">
      <h2 id="option-groups-title">{text.optionGroups}</h2>
      <p className="field-hint">{text.optionGroupsHint}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" data-testid="option-group-add" onClick={onAdd}>
          {text.addOptionGroup}
        </button>
      </div>
      {groups.map((group) => (
        <div key={group.id} className="option-group" data-testid={`option-group-${group.id}`}>
          <div className="option-group-head">
            <h3 id={`option-group-title-${group.id}`}>{group.name[locale]}</h3>
            <span className="tag">{text.bounds(group.min, group.max)}</span>
            {group.retired && <span className="tag">{text.retired}</span>}
            <div className="row-actions">
              <button
                type="button"
                className="button button-plain button-small"
                aria-label={text.editGroup(group.name[locale])}
                data-testid={`option-group-edit-${group.id}`}
                onClick={() => onEdit(group)}
              >
                {text.edit}
              </button>
              <button
                type="button"
                className="button button-plain button-small"
                data-testid={`option-group-retire-${group.id}`}
                onClick={() => onRetireGroup(group.id, !group.retired)}
              >
                {group.retired ? text.restore : text.retire}
              </button>
            </div>
          </div>
          <table className="data-table option-table" aria-labelledby={`option-group-title-${group.id}`}>
            <thead>
              <tr>
                <th scope="col">{text.nameColumn}</th>
                <th scope="col" className="num">
                  {text.optionPriceColumn}
                </th>
                <th scope="col">{text.status}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {group.options.map((option) => (
                <tr key={option.id} data-testid={`catalog-option-${option.id}`}>
                  <td>
                    {option.name[locale]}{' '}
                    {group.defaults.includes(option.id) && <span className="tag">{text.defaultTag}</span>}
                    {option.priceHistory.length > 0 && (
                      <span className="field-hint">
                        {' '}
                        · {text.lastPrice(option.priceHistory[option.priceHistory.length - 1]?.by ?? '')}
                      </span>
                    )}
                  </td>
                  <td className="num" data-testid={`catalog-option-price-${option.id}`}>
                    {option.price > 0 ? `+${formatWon(option.price, locale)}` : formatWon(0, locale)}
                  </td>
                  <td>
                    {option.retired ? (
                      <span className="tag">{text.retired}</span>
                    ) : option.soldOut ? (
                      <span className="tag tag-danger" data-testid={`catalog-option-sold-out-${option.id}`}>
                        {text.soldOut}
                      </span>
                    ) : (
                      <span className="tag">{text.onSale}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-plain button-small"
                      data-testid={`catalog-option-toggle-sold-out-${option.id}`}
                      onClick={() => onSoldOut(option.id, !option.soldOut)}
                    >
                      {option.soldOut ? text.markOnSale : text.markSoldOut}
                    </button>
                    <button
                      type="button"
                      className="button button-plain button-small"
                      data-testid={`catalog-option-retire-${option.id}`}
                      onClick={() => onRetireOption(option.id, !option.retired)}
                    >
                      {option.retired ? text.restore : text.retire}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
