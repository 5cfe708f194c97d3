import { useId } from 'react';
import {
  couponStates,
  type CouponDefinition,
  type CouponFilter,
  type CouponState,
} from '../../../../shared/domain/coupons';
import { TextField } from '../../ui/TextField';
import { useCouponsStrings } from './coupons-strings';

interface CodeFiltersProps {
  definitions: readonly CouponDefinition[];
  filter: CouponFilter;
  onChange: (filter: CouponFilter) => void;
}

/** Which codes the list shows: one coupon type, one state, part of a code as typed. */
export function CodeFilters({ definitions, filter, onChange }: CodeFiltersProps) {
  const text = useCouponsStrings();
  const id = useId();
  return (
    <div className="coupon-filters" role="search">
      <div className="field">
        <label htmlFor={`${id}-definition`}>{text.filterDefinition}</label>
        <select
          id={`${id}-definition`}
          value={filter.definitionId ?? ''}
          onChange={(event) =>
            onChange({ ...filter, definitionId: event.target.value === '' ? undefined : event.target.value })
          }
          data-testid="coupon-filter-definition"
        >
          <option value="">{text.all}</option>
          {definitions.map((definition) => (
            <option key={definition.id} value={definition.id}>
              {definition.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>{text.filterState}</label>
        <select
          id={`${id}-state`}
          value={filter.state ?? ''}
          onChange={(event) =>
            onChange({ ...filter, state: event.target.value === '' ? undefined : (event.target.value as CouponState) })
          }
          data-testid="coupon-filter-state"
        >
          <option value="">{text.all}</option>
          {couponStates.map((state) => (
            <option key={state} value={state}>
              {text.states[state]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={text.search}
        type="search"
        placeholder={text.searchPlaceholder}
        value={filter.search ?? ''}
        onChange={(search) => onChange({ ...filter, search: search.trim() === '' ? undefined : search })}
        maxLength={20}
        data-testid="coupon-search"
      />
    </div>
  );
}
