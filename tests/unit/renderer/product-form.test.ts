import { describe, expect, it } from 'vitest';
import { catalogTexts } from '../../../renderer/src/features/catalog/catalog-strings';
import { readProductForm } from '../../../renderer/src/features/catalog/product-form';

const filled = { ko: '아메리카노', en: 'Americano', price: '4,500', barcode: '' };

describe('the product form, field by field', () => {
  it('puts a missing English name under the English field, not the Korean one', () => {
    expect(readProductForm({ ...filled, en: ' ' }, catalogTexts.ko)).toEqual({
      problems: { en: '영어 이름을 입력해 주세요.' },
    });
    expect(readProductForm({ ...filled, ko: '' }, catalogTexts.en)).toEqual({
      problems: { ko: 'Enter the Korean name.' },
    });
  });

  it('says a bad EAN-13 check digit in the screen’s language, under the barcode', () => {
    const reading = readProductForm({ ...filled, barcode: '8801234000018' }, catalogTexts.ko);
    expect(reading).toEqual({ problems: { barcode: catalogTexts.ko.barcodeCheckDigit } });
    expect(catalogTexts.ko.barcodeCheckDigit).toMatch(/검증 숫자/);
    expect(readProductForm({ ...filled, barcode: 'A B' }, catalogTexts.en)).toEqual({
      problems: { barcode: catalogTexts.en.barcodeInvalid },
    });
  });

  it('reads a good form, a barcode typed in 한글 mode as its keys', () => {
    expect(readProductForm({ ...filled, barcode: 'ㅎㅑㄹㅅ-ㄴㄷㅅ-01' }, catalogTexts.ko)).toEqual({
      value: { name: { ko: '아메리카노', en: 'Americano' }, price: 4500, barcode: 'gift-set-01' },
    });
    expect(readProductForm({ ...filled, barcode: '8801234000017', price: '0' }, catalogTexts.ko)).toEqual({
      problems: { price: catalogTexts.ko.priceInvalid },
    });
  });
});
