import { ean13CheckDigitOk } from '../../../../shared/domain/catalog';
import { latinFromHangulKeys } from '../../../../shared/domain/hangul-keys';
import { parseWholeNumber } from '../../lib/whole-number';
import type { CatalogStrings } from './catalog-strings';

/** The product dialog's fields as typed. */
export interface ProductForm {
  ko: string;
  en: string;
  price: string;
  barcode: string;
}

export type ProductField = keyof ProductForm;

/** What the form holds, read: the values to send, or each field's problem in the screen's language. */
export type ProductReading =
  | { value: { name: { ko: string; en: string }; price: number; barcode: string | null } }
  | { problems: Partial<Record<ProductField, string>> };

/** A barcode as the scanner would read it: typed in 한글 mode, it is the keys pressed. */
function barcodeOf(typed: string): string | null {
  const code = latinFromHangulKeys(typed.trim());
  return code === '' ? null : code;
}

/** The same checks as main's schema, each worded for the field it concerns. */
export function readProductForm(form: ProductForm, text: CatalogStrings): ProductReading {
  const problems: Partial<Record<ProductField, string>> = {};
  if (form.ko.trim() === '') problems.ko = text.nameKoRequired;
  if (form.en.trim() === '') problems.en = text.nameEnRequired;
  const price = parseWholeNumber(form.price);
  if (!(price >= 1 && price <= 100_000_000)) problems.price = text.priceInvalid;
  const barcode = barcodeOf(form.barcode);
  if (barcode !== null && (barcode.length > 48 || !/^[\x21-\x7e]+$/.test(barcode)))
    problems.barcode = text.barcodeInvalid;
  else if (barcode !== null && /^\d{13}$/.test(barcode) && !ean13CheckDigitOk(barcode))
    problems.barcode = text.barcodeCheckDigit;
  if (Object.keys(problems).length > 0) return { problems };
  return { value: { name: { ko: form.ko.trim(), en: form.en.trim() }, price, barcode } };
}
