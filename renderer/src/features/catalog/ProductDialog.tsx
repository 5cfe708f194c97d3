import { useState, type FormEvent } from 'react';
import type { Category, OptionGroup, Product } from '../../../../shared/domain/catalog';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useCatalogStrings } from './catalog-strings';
import { ProductGroupsPicker } from './ProductGroupsPicker';
import { readProductForm } from './product-form';
import { readStockField, stockShown } from './stock-field';
import { useSaveProduct } from './use-catalog-edits';

interface ProductDialogProps {
  /** null: a new product. */
  product: Product | null;
  categories: readonly Category[];
  /** Every option group, retired ones included (a product may still name one). */
  optionGroups: readonly OptionGroup[];
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds or edits one product; main checks everything again and says what it refused. */
export function ProductDialog({ product, categories, optionGroups, onSaved, onCancel }: ProductDialogProps) {
  const text = useCatalogStrings();
  const locale = useLocale();
  const open = categories.filter((c) => !c.retired);
  const [ko, setKo] = useState(product?.name.ko ?? '');
  const [en, setEn] = useState(product?.name.en ?? '');
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? open[0]?.id ?? '');
  const [price, setPrice] = useState(product === null ? '' : String(product.price));
  const [barcode, setBarcode] = useState(product?.barcode ?? '');
  const [groupIds, setGroupIds] = useState<string[]>(product?.optionGroupIds ?? []);
  const [taxFree, setTaxFree] = useState(product?.taxFree ?? false);
  const shownStock = stockShown(product);
  const [stock, setStock] = useState(shownStock);
  const stockRead = readStockField(stock, shownStock);
  const { error, save: send } = useSaveProduct(onSaved);
  const [checked, setChecked] = useState(false);
  const reading = readProductForm({ ko, en, price, barcode }, text);
  // Each field's problem under that field, once the manager tried to save.
  const problem = (field: 'ko' | 'en' | 'price' | 'barcode') =>
    checked && 'problems' in reading ? (reading.problems[field] ?? null) : null;

  function save(event: FormEvent): void {
    event.preventDefault();
    setChecked(true);
    if ('problems' in reading || stockRead === 'invalid') return;
    send({
      ...(product === null ? {} : { id: product.id }),
      categoryId,
      ...reading.value,
      optionGroupIds: groupIds,
      taxFree,
      ...(stockRead === undefined ? {} : { stock: stockRead }),
    });
  }

  return (
    <Dialog title={product === null ? text.addProduct : text.editProduct} onCancel={onCancel} testId="product-dialog">
      <form onSubmit={save} className="dialog-form" noValidate>
        <TextField
          label={text.nameKo}
          value={ko}
          onChange={setKo}
          maxLength={100}
          data-testid="product-name-ko"
          error={problem('ko')}
          autoFocus
        />
        <TextField
          label={text.nameEn}
          value={en}
          onChange={setEn}
          maxLength={100}
          data-testid="product-name-en"
          error={problem('en')}
        />
        <div className="field">
          <label htmlFor="product-category">{text.category}</label>
          <select
            id="product-category"
            value={categoryId}
            onChange={(event) => setCategoryId(event.target.value)}
            data-testid="product-category"
          >
            {open.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={text.price}
          value={price}
          onChange={setPrice}
          inputMode="numeric"
          maxLength={11}
          data-testid="product-price"
          error={problem('price')}
          hint={text.priceRule}
        />
        <TextField
          label={text.barcode}
          value={barcode}
          onChange={setBarcode}
          maxLength={48}
          data-testid="product-barcode"
          hint={text.barcodeHint}
          error={problem('barcode')}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={taxFree}
            onChange={(event) => setTaxFree(event.target.checked)}
            data-testid="product-tax-free"
          />
          <span>{text.taxFree}</span>
        </label>
        <TextField
          label={text.stock}
          value={stock}
          onChange={setStock}
          inputMode="numeric"
          maxLength={9}
          data-testid="product-stock"
          hint={text.stockHint}
          error={checked && stockRead === 'invalid' ? text.stockInvalid : null}
        />
        <ProductGroupsPicker groups={optionGroups} value={groupIds} onChange={setGroupIds} />
        <FormError error={error} testId="product-error" withDetail />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="product-save">
            {text.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
