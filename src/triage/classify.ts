import { CATEGORIES, type Category, type CategoryScore, type Language } from '../core/types.js';
import { gatherEvidence, type Evidence, type Mention, type Zone } from './evidence.js';
import { posterior, type ModelWeights } from './model.js';
import shipped from './model-weights.json' with { type: 'json' };

/**
 * What a company offers, from its own words: the lexicon's weighted product words (evidence.ts) plus the
 * trained model's posterior (model.ts). The lexicon knows negation, passing mentions and quantities; the
 * model knows the vocabulary of offers that name no listed product word.
 */

export interface ClassifyInput {
  subject: string | null;
  text: string;
  forwarderNote: string | null;
  attachmentNames: string[];
  language: Language;
}

export interface Classification {
  /** every category, sorted by score, highest first; scores in [0, 1] */
  categories: CategoryScore[];
  reasons: string[];
  /** the strongest word of the main category as written ("software", "nitrile gloves"), null when none */
  mainTerm: string | null;
}

const SHIPPED_MODEL = shipped as ModelWeights;

/** How much lexicon weight the model's full confidence is worth (a strong product word weighs 3 to 4). */
const MODEL_WEIGHT = 3;
/** Vague offers ("we have capacity, how can we help") belong to `other` unless something outweighs this. */
const OTHER_BASELINE = 1;
/**
 * The model's share for a product category when the text names no product at all: SEO spam or a vague
 * offer of help can look like a ventilator offer to a bag of words, so only a confident model may still pick one.
 */
const WITHOUT_PRODUCT_SHARE = 0.5;
/** Lexicon weight at which a score reaches 1 - 1/e. */
const SCALE = 5;

export function classify(input: ClassifyInput): Classification {
  return classifyWith(SHIPPED_MODEL, input);
}

export function classifyWith(model: ModelWeights, input: ClassifyInput): Classification {
  const zones: Zone[] = [
    { text: input.subject ?? '', weight: 1.2, signatureShare: 1 },
    { text: input.text, weight: 1, signatureShare: 0.4 },
    // The forwarder's note ("zie onderstaand aanbod voor mondkapjes") only echoes the offer, often wrongly.
    { text: input.forwarderNote ?? '', weight: 0.15, signatureShare: 0.15 },
    { text: input.attachmentNames.join('\n'), weight: 0.6, signatureShare: 0.6 },
  ];
  const evidence = gatherEvidence(zones, input.language);
  // Subject and body, as train.ts sees them.
  const learned = posterior(model, evidence.words[0]!, evidence.words[1]!);

  const namesProduct = CATEGORIES.some((category) => evidence.mentions[category].length > 0);
  const categories = CATEGORIES.map((category) => {
    // What the sender says it does not make, or tests for others, the model's bag of words must not offer on
    // its behalf either.
    const share =
      evidence.disowned.includes(category) || evidence.serviced.includes(category)
        ? 0
        : namesProduct || category === 'other'
          ? 1
          : WITHOUT_PRODUCT_SHARE;
    const total =
      evidence.weight[category] +
      share * MODEL_WEIGHT * learned[category] +
      (category === 'other' ? OTHER_BASELINE : 0);
    return { category, score: round(1 - Math.exp(-total / SCALE)) };
  }).sort((a, b) => b.score - a.score);

  const main = categories[0]!.category;
  return {
    categories,
    reasons: explain(main, categories, evidence, learned),
    mainTerm: strongest(evidence.mentions[main])?.term ?? null,
  };
}

function explain(
  main: Category,
  categories: readonly CategoryScore[],
  evidence: Evidence,
  learned: Record<Category, number>,
): string[] {
  const reasons: string[] = [];
  const best = strongest(evidence.mentions[main]);
  if (best) {
    reasons.push(`${main}: ${describe(best)}`);
  } else if (main === 'other' && learned.other < 0.5) {
    reasons.push('other: no listed product offered; treated as a general or vague offer');
  } else {
    reasons.push(`${main}: no listed product word; the trained model says ${main} (${learned[main].toFixed(2)})`);
  }
  if (evidence.machines) reasons.push('products named as what its machines make or are fed: the machines are the offer (other)');
  else if (evidence.service) reasons.push('products named as the object of testing or certification: a service (other)');
  if (evidence.fan) reasons.push("'ventilator' read as a fan: no beademing or patients named");
  for (const { category } of categories) {
    if (category === main) continue;
    const mentions = evidence.mentions[category];
    if (mentions.length === 0) continue;
    const live = mentions.filter((mention) => !mention.negated && !mention.passing);
    const example = mentions[0]!.term;
    if (mentions.every((mention) => mention.negated)) {
      reasons.push(`${category} mentioned only in negation ('${example}')`);
    } else if (evidence.disowned.includes(category)) {
      reasons.push(`${category} named ('${example}'), but the sender says it does not make or sell them`);
    } else if (live.length === 0) {
      reasons.push(`${category} mentioned only in passing ('${example}'), not offered`);
    } else {
      reasons.push(`${category} also named ('${strongest(live)!.term}') but weighs less than ${main}`);
    }
  }
  return reasons;
}

function strongest(mentions: readonly Mention[]): Mention | null {
  let best: Mention | null = null;
  for (const mention of mentions)
    if (mention.weight > 0 && (best === null || mention.weight > best.weight)) best = mention;
  return best;
}

function describe(mention: Mention): string {
  const how = mention.passing ? 'mentioned in passing' : mention.offered || mention.quantity ? 'offered' : 'mentioned';
  return `'${mention.term}' ${how}${mention.quantity ? ` with quantity '${mention.quantity}'` : ''}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
