import { businessNumberDigits, isBusinessNumber } from '../../../../shared/domain/business-number';
import { storeInfoSchema, type StoreInfo } from '../../../../shared/domain/settings';
import type { Locale } from '../../../../shared/i18n/error-messages';

export type StoreField = keyof StoreInfo;
export type StoreDraft = Record<StoreField, string>;

const messages: Record<Locale, Record<StoreField, string> & { businessNumberDigits: string }> = {
  ko: {
    name: '상호를 입력해 주세요.',
    owner: '대표자 이름을 입력해 주세요.',
    businessNumber: '사업자등록번호의 검증 숫자가 맞지 않습니다. 번호를 확인해 주세요.',
    businessNumberDigits: '사업자등록번호는 숫자 10자리입니다.',
    address: '주소를 입력해 주세요.',
    phone: '전화번호를 02-123-4567 처럼 입력해 주세요.',
  },
  en: {
    name: 'Enter the shop name.',
    owner: 'Enter the owner’s name.',
    businessNumber: 'The business registration number’s check digit does not match. Check the number.',
    businessNumberDigits: 'A business registration number has 10 digits.',
    address: 'Enter the address.',
    phone: 'Enter a phone number such as 02-123-4567.',
  },
};

/**
 * What is wrong with each field, in the cashier's language, checked with the very schema main
 * uses (main checks again; this only says it sooner and per field).
 */
export function storeInfoProblems(draft: StoreDraft, locale: Locale): Partial<Record<StoreField, string>> {
  const parsed = storeInfoSchema.safeParse(draft);
  if (parsed.success) return {};
  const problems: Partial<Record<StoreField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as StoreField;
    if (field === 'businessNumber' && !/^\d{10}$/.test(businessNumberDigits(draft.businessNumber)))
      problems[field] = messages[locale].businessNumberDigits;
    else if (field === 'businessNumber' && !isBusinessNumber(draft.businessNumber))
      problems[field] = messages[locale].businessNumber;
    else problems[field] = messages[locale][field];
  }
  return problems;
}
