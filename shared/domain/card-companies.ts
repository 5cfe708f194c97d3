import type { Locale } from '../i18n/error-messages';

/** Toss's card company codes (`card.issuerCode`, API 2022-11-16), as the receipt and the day close name them. */
const CARD_COMPANIES: Record<string, { ko: string; en: string }> = {
  '3K': { ko: '기업비씨', en: 'IBK BC' },
  '46': { ko: '광주', en: 'Gwangju' },
  '71': { ko: '롯데', en: 'Lotte' },
  '30': { ko: '산업', en: 'KDB' },
  '31': { ko: 'BC', en: 'BC' },
  '51': { ko: '삼성', en: 'Samsung' },
  '38': { ko: '새마을', en: 'Saemaul' },
  '41': { ko: '신한', en: 'Shinhan' },
  '62': { ko: '신협', en: 'Shinhyup' },
  '36': { ko: '씨티', en: 'Citi' },
  '33': { ko: '우리', en: 'Woori' },
  W1: { ko: '우리', en: 'Woori' },
  '37': { ko: '우체국', en: 'Post Office' },
  '39': { ko: '저축', en: 'Savings Bank' },
  '35': { ko: '전북', en: 'Jeonbuk' },
  '42': { ko: '제주', en: 'Jeju' },
  '15': { ko: '카카오뱅크', en: 'KakaoBank' },
  '3A': { ko: '케이뱅크', en: 'K Bank' },
  '24': { ko: '토스뱅크', en: 'Toss Bank' },
  '21': { ko: '하나', en: 'Hana' },
  '61': { ko: '현대', en: 'Hyundai' },
  '11': { ko: 'KB국민', en: 'KB Kookmin' },
  '91': { ko: 'NH농협', en: 'NH Nonghyup' },
  '34': { ko: '수협', en: 'Suhyup' },
  '6D': { ko: '다이너스', en: 'Diners' },
  '4M': { ko: '마스터', en: 'Mastercard' },
  '3C': { ko: '유니온페이', en: 'UnionPay' },
  '7A': { ko: '아메리칸 익스프레스', en: 'American Express' },
  '4J': { ko: 'JCB', en: 'JCB' },
  '4V': { ko: '비자', en: 'Visa' },
};

/** The card company's name; an unknown code is shown as it is rather than guessed. */
export function cardCompanyName(issuerCode: string | null, locale: Locale): string | null {
  if (issuerCode === null) return null;
  return CARD_COMPANIES[issuerCode]?.[locale] ?? issuerCode;
}
