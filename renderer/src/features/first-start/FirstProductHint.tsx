import { useFirstStartStrings } from './first-start-strings';

/** On the register while the catalog has no product: where the first one is added. */
export function FirstProductHint({ onAdd }: { onAdd: () => void }) {
  const text = useFirstStartStrings();
  return (
    <div className="first-product" role="status" data-testid="first-product">
      <p>{text.firstProduct}</p>
      <button type="button" className="button button-primary" data-testid="first-product-add" onClick={onAdd}>
        {text.addFirstProduct}
      </button>
    </div>
  );
}
