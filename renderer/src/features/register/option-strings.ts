import { featureStrings } from '../../i18n/use-strings';

const ko = {
  required: '필수',
  optional: '선택',
  bounds: (min: number, max: number) => (min === max ? `${min}개` : min === 0 ? `최대 ${max}개` : `${min}–${max}개`),
  optionPrice: (price: string) => `+${price}`,
  takeOne: (name: string) => `${name} 하나 빼기`,
  noOptions: '옵션 없음',
  pickShort: (group: string, min: number) => `${group}: ${min}개를 골라 주세요.`,
  pickerKeys: '숫자: 고르기 · Shift+숫자: 하나 빼기 · Enter: 담기 · Esc: 취소',
  addLine: '담기',
  cancel: '취소',
  lineMemoTitle: (name: string) => `메모 — ${name}`,
  orderMemoTitle: '주문 메모',
  memoLabel: '메모 (60자까지)',
  lineMemoPlaceholder: '예: 얼음 적게',
  orderMemoPlaceholder: '예: 5번 테이블',
  memoHint: '영수증, 고객 화면, 주문 내역에 남습니다. 토스로는 보내지 않습니다.',
  memoInvalid: '줄바꿈 없이 60자까지 입력해 주세요.',
  saveMemo: '저장',
  clearMemo: '메모 지우기',
  lineMemoButton: (name: string) => `메모: ${name} (F3)`,
  orderMemoButton: '주문 메모 (Shift+F3)',
  lineMemo: '메모',
  orderMemo: '주문 메모',
};

export type OptionStrings = typeof ko;

const en: OptionStrings = {
  required: 'Required',
  optional: 'Optional',
  bounds: (min: number, max: number) => (min === max ? `${min}` : min === 0 ? `up to ${max}` : `${min}–${max}`),
  optionPrice: (price: string) => `+${price}`,
  takeOne: (name: string) => `One less ${name}`,
  noOptions: 'No options',
  pickShort: (group: string, min: number) => `${group}: choose ${min}.`,
  pickerKeys: 'Numbers: pick · Shift+number: one less · Enter: add · Esc: cancel',
  addLine: 'Add',
  cancel: 'Cancel',
  lineMemoTitle: (name: string) => `Note — ${name}`,
  orderMemoTitle: 'Order note',
  memoLabel: 'Note (up to 60 characters)',
  lineMemoPlaceholder: 'e.g. less ice',
  orderMemoPlaceholder: 'e.g. table 5',
  memoHint: 'Shown on the receipt, the customer screen and in history. Never sent to Toss.',
  memoInvalid: 'One line, up to 60 characters.',
  saveMemo: 'Save',
  clearMemo: 'Remove note',
  lineMemoButton: (name: string) => `Note: ${name} (F3)`,
  orderMemoButton: 'Order note (Shift+F3)',
  lineMemo: 'Note',
  orderMemo: 'Order note',
};

export const optionTexts = { ko, en };
export const useOptionStrings = featureStrings(optionTexts);
