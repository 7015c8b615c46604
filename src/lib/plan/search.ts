/**
 * Search over feature names and aliases in Chinese and English. Ranking: an exact name first, then
 * names that start with the query, then names that contain it; ties by how short the name is (the
 * closer match), then by id, so the order is stable. Partial Chinese works (芯港 → 东方芯港).
 */
export interface Searchable {
  id: string;
  name: { zh: string; en: string };
  aliases: readonly string[];
}

export interface SearchHit<T> {
  item: T;
  /** The name or alias that matched. */
  matched: string;
  score: number;
}

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-'’·.()（）]+/g, '');

export function search<T extends Searchable>(items: readonly T[], query: string, limit = 8): SearchHit<T>[] {
  const q = normalise(query);
  if (!q) return [];
  const hits: SearchHit<T>[] = [];
  for (const item of items) {
    let best: SearchHit<T> | null = null;
    for (const text of [item.name.zh, item.name.en, ...item.aliases]) {
      const n = normalise(text);
      const at = n.indexOf(q);
      if (at < 0) continue;
      const score = (n === q ? 3000 : at === 0 ? 2000 : 1000) - Math.min(n.length, 999);
      if (!best || score > best.score) best = { item, matched: text, score };
    }
    if (best) hits.push(best);
  }
  return hits.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id)).slice(0, limit);
}
