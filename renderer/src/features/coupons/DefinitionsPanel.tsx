import type { Catalog } from '../../../../shared/domain/catalog';
import type { CouponDefinition } from '../../../../shared/domain/coupons';
import { useLocale } from '../../i18n/use-strings';
import { describeBenefit, describeMinimum, describeScope } from './coupon-format';
import { useCouponsStrings } from './coupons-strings';

interface DefinitionsPanelProps {
  definitions: readonly CouponDefinition[];
  catalog: Catalog | null;
  onNew: () => void;
  onIssue: (definition: CouponDefinition) => void;
}

/** The coupons the shop has defined, each with what it gives and a button to issue codes of it. */
export function DefinitionsPanel({ definitions, catalog, onNew, onIssue }: DefinitionsPanelProps) {
  const text = useCouponsStrings();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="coupon-definitions-title">
      <div className="panel-head">
        <h2 id="coupon-definitions-title">{text.definitionsTitle}</h2>
        <button
          type="button"
          className="button button-primary"
          data-testid="coupon-new"
          onClick={onNew}
          disabled={catalog === null}
        >
          {text.newCoupon}
        </button>
      </div>
      {definitions.length === 0 ? (
        <p className="empty-note" data-testid="coupon-defs-empty">
          {text.noDefinitions}
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.nameColumn}</th>
              <th scope="col">{text.benefitColumn}</th>
              <th scope="col" className="num">
                {text.minimumColumn}
              </th>
              <th scope="col">{text.scopeColumn}</th>
              <th scope="col">
                <span className="visually-hidden">{text.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {definitions.map((definition) => (
              <tr key={definition.id} data-testid={`coupon-def-${definition.id}`}>
                <td>{definition.name}</td>
                <td className="coupon-nowrap">{describeBenefit(definition.benefit, text, locale)}</td>
                <td className="num coupon-nowrap">{describeMinimum(definition.minOrderAmount, text, locale)}</td>
                <td>{describeScope(definition.scope, catalog, text, locale)}</td>
                <td className="coupon-action">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-testid={`coupon-issue-${definition.id}`}
                    aria-label={text.issueFor(definition.name)}
                    onClick={() => onIssue(definition)}
                  >
                    {text.issue}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
