/**
 * 사업자등록번호: ten digits, shown 123-45-67890. The last digit checks the first nine with the
 * National Tax Service weights 1,3,7,1,3,7,1,3,5 (the ninth product's tens digit counts too).
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

export function businessNumberDigits(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function isBusinessNumber(text: string): boolean {
  const digits = businessNumberDigits(text);
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  let sum = WEIGHTS.reduce<number>((total, weight, i) => total + (d[i] ?? 0) * weight, 0);
  sum += Math.floor(((d[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

export function formatBusinessNumber(text: string): string {
  const d = businessNumberDigits(text);
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : text;
}
