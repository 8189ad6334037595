/** A share (0–1) as a percentage in the page's language: "50%", "50 %". */
export function formatPercent(share: number, lang: string): string {
  return new Intl.NumberFormat(lang || undefined, { style: 'percent' }).format(share);
}
