/**
 * What offers said about materials, certification and testing, for the hand-over summary: sentences from
 * offer texts that mention a topic's keywords, de-duplicated, most frequent first.
 */
export const TOPICS = {
  materials:
    /\b(meltblown|melt-blown|smeltgeblazen|spunbond|nonwoven|non-woven|vlies|filter\w*|ppmb|polypropyleen|polypropylene|elastiek|elastic|neusbeugel|nose ?wire|membra\w*|stof|fabric|grondstof\w*|raw materials?)\b/i,
  certification:
    /\b(CE|EN ?\d{3,5}\w*|ISO ?\d{4,5}|FFP[123]|type ?IIR?|KN95|N95|certifica\w*|gecertificeerd|keurmerk|notified body|aangemelde instantie|TÜV|TUV|SGS|DEKRA)\b/i,
  testing:
    /\b(test\w*|lab\w*|laborator\w*|keuring|gekeurd|validat\w*|gevalideerd|BFE|PFE|penetrat\w*|ademweerstand|breathability|splash|spat\w*|rapport|report)\b/i,
} as const;
export type Topic = keyof typeof TOPICS;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= 15 && s.length <= 300);
}

export function topicSnippets(
  texts: readonly string[],
  perTopic: number,
): Record<Topic, Array<{ text: string; n: number }>> {
  const out = {} as Record<Topic, Array<{ text: string; n: number }>>;
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    const seen = new Map<string, { text: string; n: number }>();
    for (const text of texts) {
      for (const s of sentences(text)) {
        if (!TOPICS[topic].test(s)) continue;
        const key = s.toLowerCase();
        const hit = seen.get(key);
        if (hit) hit.n += 1;
        else seen.set(key, { text: s, n: 1 });
      }
    }
    out[topic] = [...seen.values()].sort((a, b) => b.n - a.n).slice(0, perTopic);
  }
  return out;
}
