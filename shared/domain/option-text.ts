/** A line's options as one short text, in the order they were sold: "ICE · 라지 · 샷 추가 ×2". */
export function optionsText(options: readonly { name: string; count: number }[]): string {
  return options.map(({ name, count }) => (count > 1 ? `${name} ×${count}` : name)).join(' · ');
}
