import type { PosErrorDetails } from '../domain/errors';
import { josa } from './josa';
import type { Locale } from './locale';

type Sentences = Record<Locale, (d: Record<string, string>) => string>;

/** Why main refused a manager's option edit (`CATALOG_CONFLICT`'s `details.reason`), in words. */
const reasons: Record<string, Sentences> = {
  'min-over-max': {
    ko: (d) => `${d['group']}: 최소 개수(${d['min']})가 최대 개수(${d['max']})보다 큽니다.`,
    en: (d) => `${d['group']}: the minimum (${d['min']}) is more than the maximum (${d['max']}).`,
  },
  'defaults-below-min': {
    ko: (d) =>
      `${josa(d['group'] ?? '', '은/는')} 꼭 골라야 하는 그룹이라 기본 선택이 ${d['min']}개 있어야 합니다. 그래야 옵션을 고르지 않고 Enter만 눌러도 담깁니다.`,
    en: (d) =>
      `${d['group']} must be picked, so it needs ${d['min']} default choice(s): Enter alone then adds the usual.`,
  },
  'defaults-over-max': {
    ko: (d) => `${d['group']}의 기본 선택은 ${d['max']}개까지입니다.`,
    en: (d) => `${d['group']} takes at most ${d['max']} default choice(s).`,
  },
  'default-retired': {
    ko: (d) =>
      `${josa(d['option'] ?? '', '은/는')} ${d['group']}의 기본 선택이라 판매 종료할 수 없습니다. 먼저 다른 옵션을 기본 선택으로 정해 주세요.`,
    en: (d) =>
      `${d['option']} is a default choice of ${d['group']}, so it cannot be retired. Make another the default first.`,
  },
  'default-unknown': {
    ko: (d) => `${d['group']}의 기본 선택이 이 그룹의 옵션이 아닙니다.`,
    en: (d) => `A default choice of ${d['group']} is not one of its options.`,
  },
  'option-removed': {
    ko: (d) => `옵션은 지울 수 없습니다(${d['option']}). 대신 판매 종료해 주세요.`,
    en: (d) => `Options are not deleted (${d['option']}): retire it instead.`,
  },
  'unknown-group': {
    ko: (d) => `${d['product']}: 없는 옵션 그룹입니다(${d['group']}).`,
    en: (d) => `${d['product']}: there is no option group ${d['group']}.`,
  },
  'group-twice': {
    ko: (d) => `${d['product']}에 같은 옵션 그룹이 두 번 들어 있습니다.`,
    en: (d) => `${d['product']} lists the same option group twice.`,
  },
  'option-id-taken': {
    ko: (d) => `옵션 ID ${josa(d['option'] ?? '', '을/를')} 다른 그룹의 옵션이 이미 쓰고 있습니다.`,
    en: (d) => `Another group already has an option with the id ${d['option']}.`,
  },
};

/** Null when the reason is not one of these (main's words then fall back to the code's sentence). */
export function catalogConflictMessage(details: PosErrorDetails, locale: Locale): string | null {
  const reason = details['reason'];
  if (typeof reason !== 'string' || !Object.hasOwn(reasons, reason)) return null;
  // A name's English form (`groupEn`) stands in for it on the English screen.
  const words = Object.fromEntries(
    Object.keys(details).map((key) => [
      key,
      String((locale === 'en' ? details[`${key}En`] : undefined) ?? details[key]),
    ]),
  );
  return reasons[reason]?.[locale](words) ?? null;
}
