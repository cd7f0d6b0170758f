import { CATEGORIES, type Category, type Language } from '../core/types.js';
import {
  CAPACITY_WORDS,
  CLOSINGS,
  CONDITIONS,
  CUSTOMER_PREPOSITIONS,
  CUSTOMER_VERBS,
  NOT_PRODUCTS,
  NOT_YET,
  OFFER,
  OWN_PRODUCTION_VERBS,
  PASSING_AFTER,
  PASSING_BEFORE,
  RELATIVE_PRONOUNS,
  SOURCING,
  SUPPLY_VERBS,
  WEAK_PASSING,
  WEAK_PASSING_UNDONE,
} from './cues.js';
import { CARE_CONTEXT, FAN_CONTEXT, FAN_KIND_CONTEXT, LEXICON, PATIENT_VENTILATION_CONTEXT } from './lexicon.js';
import { TermMatcher, type Match } from './matcher.js';
import { isNegated } from './negation.js';
import { quantitiesBySentence } from './quantity.js';
import { countsGoods, DOMINANT_SHARE, dominantByCount } from './catalogue.js';
import { amountHeadsBySentence, composition, describes, needsReader, phraseHeads, type Composition } from './phrase.js';
import { tokenized, type Token } from './tokens.js';

/**
 * The lexicon half of the classifier: finds product words in each part of a message and weighs them by
 * where they stand (subject, body, signature, the forwarder's note) and what surrounds them (offer verbs,
 * quantities, negation, passing mentions). Returns the weight per category and the facts the reasons
 * are written from.
 */

export interface Zone {
  text: string;
  weight: number;
  /** words after a closing ("Met vriendelijke groet") are a signature: counted at this share */
  signatureShare: number;
}

interface Term {
  category: Category;
  term: string;
  weight: number;
}

export interface Mention {
  term: string;
  weight: number;
  offered: boolean;
  quantity: string | null;
  negated: boolean;
  passing: boolean;
}

export interface Evidence {
  weight: Record<Category, number>;
  mentions: Record<Category, Mention[]>;
  /** an ambiguous "ventilator" was read as a fan (isFanText) */
  fan: boolean;
  /** products were the object of testing or certification, or the sender offers "een dienst, geen producten" */
  service: boolean;
  /** a machine builder: the products named are what its machines make or are fed */
  machines: boolean;
  /** categories the sender says it does not make or sell (OWN_PRODUCTION_VERBS), or all with "geen producten" */
  disowned: Category[];
  /** categories named as what a lab tests or certifies, when that is the service offered */
  serviced: Category[];
  /** the words of each zone, in zone order, so the model need not tokenize again */
  words: ReadonlyArray<readonly string[]>;
}

const PRODUCTS = new TermMatcher<Term>(
  CATEGORIES.flatMap((category) =>
    LEXICON[category].map(([term, weight]) => [term, { category, term, weight }] as const),
  ),
);
const PATIENT_VENTILATION = new TermMatcher<true>(PATIENT_VENTILATION_CONTEXT.map((term) => [term, true] as const));
const CARE = new TermMatcher<true>(CARE_CONTEXT.map((term) => [term, true] as const));
const FAN = new TermMatcher<true>(FAN_CONTEXT.map((term) => [term, true] as const));
const FAN_KIND = new TermMatcher<true>(FAN_KIND_CONTEXT.map((term) => [term, true] as const));
const AMBIGUOUS_VENTILATOR = new Set(['ventilator', 'ventilators', 'ventilatoren']);

const OFFERED = 1.5;
const WITH_QUANTITY = 1.6;
const IN_PASSING = 0.25;
const REPEAT_SHARE = 0.25;
/** words allowed between "grondstoffen voor" and the product: "voor de extractiereagentia van PCR-testen" */
const PASSING_REACH = 4;
/** words allowed between a product and the "voor" of its use: "neusbeugels (ijzerdraad met PE-coating, 3 mm) voor" */
const USE_REACH = 8;
/** how far back a customer's relative clause may begin: "aan confectiebedrijven die isolatiejassen of overalls maken" */
const RELATIVE_REACH = 6;
/** words allowed between the preposition and the relative pronoun: "aan de confectiebedrijven die" */
const CUSTOMER_NOUN_REACH = 3;
/** words after the product that may still hold the customer's verb (Dutch puts it last) */
const CUSTOMER_VERB_REACH = 4;
/** a lab that tests or certifies masks offers a service (`other`), whatever it says about masks */
const SERVICE_WEIGHT = 3;
/** "reagentiaproducenten", "maskerfabrikanten": the product's makers are the customers, not the offer */
const CUSTOMER_COMPOUND = /(?:producent|producenten|fabrikant|fabrikanten|makers|industrie)$/;
const SERVICE_VERBS = new Set([
  'test',
  'testen',
  'testing',
  'keuren',
  'keuring',
  'certify',
  'certifying',
  'certificeren',
  'certification',
  'certificering',
  'testcapaciteit',
  'keuringscapaciteit',
]);
const RESULTS = new Set(['result', 'results', 'uitslag', 'uitslagen', 'resultaat', 'resultaten', 'report', 'reports', 'rapport', 'rapporten']);
/** the number of a standard ("14126", "en 149"): the name of a test, not a product that is tested */
const STANDARD = /^(?:en|iso|nen)$|^\d/;
const LAB_CAPACITY = new Set(['testcapaciteit', 'keuringscapaciteit', 'capacity']);
/** a list item's product stands among its first words ("filtrerende halfmaskers volgens EN 149") */
const ITEM_OPENING = 2;
/** the words that end a lab's introduction to its list, and how far back its verb may stand ("testcapaciteit aan voor") */
const INTRO_FOR = new Set(['voor', 'for']);
const INTRO_VERB_REACH = 3;
const MACHINES = new Set(['machines']);
const KIT_FILLING = new TermMatcher<true>(
  ['afvul*', 'kit filling', 'kitfilling', 'kit assembly', 'kitassemblage'].map((term) => [term, true] as const),
);

export function gatherEvidence(zones: readonly Zone[], language: Language): Evidence {
  const scanned = zones.map((zone) => tokenized(zone.text));
  const zoneTokens = scanned.map((zone) => zone.tokens);
  const zoneWords = scanned.map((zone) => zone.words);
  // Only an ambiguous "ventilator" needs the medical and fan context, so it is read only then.
  let ventilatorIsFan: boolean | undefined;
  const readsAsFan = (): boolean => (ventilatorIsFan ??= isFanText(zoneTokens, zoneWords, language));
  const evidence: Evidence = {
    weight: emptyRecord(() => 0),
    mentions: emptyRecord(() => []),
    fan: false,
    service: false,
    machines: false,
    disowned: [],
    serviced: [],
    words: zoneWords,
  };
  // Per category, then per lexicon term: the weights of its mentions, in the order they were found.
  const perTerm = new Map<Category, Map<string, number[]>>();
  const serviceObjects = new Set<Category>();
  const disowned = new Set<Category>();
  const deniedMaterials = new Set<string>();

  zones.forEach((zone, z) => {
    const tokens = zoneTokens[z]!;
    const words = zoneWords[z]!;
    const { listHeads } = scanned[z]!;
    const hits = PRODUCTS.matchAll(words);
    // The context below only weighs product words: most zones (note, attachment names) have none.
    if (hits.length === 0) return;
    const signatureFrom = CLOSINGS.matchAll(words)[0]?.start ?? Infinity;
    const offerSentences = new Set(OFFER.matchAll(words).map((match) => tokens[match.start]!.sentence));
    const quantities = quantitiesBySentence(tokens);
    const passingEnds = passingPhraseEnds(PASSING_BEFORE.matchAll(words), words);

    const materials = hits.some((hit) => hit.value.category === 'materials');
    const conditions = materials ? conditionScopes(CONDITIONS.matchAll(words), tokens) : NO_SCOPES;
    const sourced = materials ? sentencesOf(SOURCING.matchAll(words), tokens) : NO_SENTENCES;
    const needed = needsReader(tokens, words, listHeads);

    const categories = hits.map((match) => {
      if (!AMBIGUOUS_VENTILATOR.has(match.value.term) || !readsAsFan()) return match.value.category;
      evidence.fan = true;
      return 'other';
    });
    const heads = phraseHeads(hits, categories);
    const amountHeads = amountHeadsBySentence(quantities, hits, heads, tokens);

    let madeOf: Composition | null = null;
    let previous: { match: Match<Term>; passing: boolean } | null = null;
    let deniedUpTo: number | null = null;
    for (const [h, match] of hits.entries()) {
      const category = categories[h]!;
      const token = tokens[match.start]!;
      const chained: boolean = previous !== null && previous.match.end >= match.start - 1 && previous.passing;
      // Parts for ventilators are ventilators (DESIGN §4), so "onderdelen voor beademing" is no passing mention.
      const how = isPassing(match, category, tokens, words, passingEnds, listHeads, language);
      // "Wat we nodig hebben: - hulp bij het testen volgens EN 14683": testing asked for is no testing offered.
      if (how === 'service' && !needed(match.start)) {
        serviceObjects.add(category);
        // "mondmaskers en beschermende kleding testen": the products listed before share the verb.
        if (previous && words.slice(previous.match.end, match.start).every((w) => LIST_JOINERS.has(w)))
          serviceObjects.add(previous.match.value.category);
      }
      const negated = isNegated(tokens, match.start, match.end, language);
      const passing: boolean =
        category !== 'ventilators' &&
        (chained ||
          how !== null ||
          CUSTOMER_COMPOUND.test(words[match.start]!) ||
          isUseOfEarlierProduct(match, category, previous, tokens, words) ||
          needed(match.start) ||
          (category === 'materials' && (inScope(conditions, tokens, match.start) || sourced.has(token.sentence))) ||
          isCustomersProduct(match, tokens, words));
      previous = { match, passing };
      // "wasbare stoffen mondkapjes", "spunbond isolatiejassen": a word of another kind describing the product;
      // "mondkapjes maken van katoen met een tussenlaag van polypropyleen vlies": what the product is made of.
      const describing =
        heads[h] !== category ||
        (category === 'materials' && describes(madeOf, token));
      if (category !== 'materials' && !negated) madeOf = composition(match, tokens, words);
      // "We do not make or sell masks or gowns": the products listed right after a denied one share its denial.
      const listed = deniedUpTo !== null && words.slice(deniedUpTo, match.start).every((w) => LIST_JOINERS.has(w));
      // "Wij maken zelf geen complete beademingsapparaten": their parts are still ventilators (DESIGN §4).
      const partsOnly = category === 'ventilators' && WHOLE.has(words[match.start - 1] ?? '');
      if (category !== 'other' && !partsOnly && ((negated && deniesMaking(tokens, match.start, category)) || listed)) {
        disowned.add(category);
        deniedUpTo = match.end;
        if (category === 'materials') deniedMaterials.add(words.slice(match.start, match.end).join(' '));
      }
      const intro = listHeads.get(token.sentence);
      // A list item without an amount of its own is counted by its introduction's ("500.000 per week:\n- FFP2").
      const counted = quantities.has(token.sentence) || intro === undefined ? token.sentence : intro;
      const amount = quantities.get(counted);
      const amountHead = amountHeads.get(counted);
      // "2.000 stoffen mondkapjes per week: katoen, elastiek achter de oren": the amount counts the masks only.
      // "50,000 m per week" of filter media for FFP2 masks: metres and tons count materials, never finished goods.
      const quantity =
        amount && (amountHead === undefined || amountHead === category) && countsGoods(amount.text, category)
          ? amount.text
          : null;
      // An item of a list is offered by the sentence that introduces it ("Wij kunnen leveren:\n- 500.000 FFP2").
      const offered = offerSentences.has(token.sentence) || (intro !== undefined && offerSentences.has(intro));
      const share = match.start >= signatureFrom ? zone.signatureShare : 1;
      const weight = negated
        ? 0
        : match.value.weight *
          zone.weight *
          share *
          (offered ? OFFERED : 1) *
          (quantity ? WITH_QUANTITY : 1) *
          (passing || describing ? IN_PASSING : 1);
      // Most terms are one word; slice and join copied every one of them.
      const term = match.end - match.start === 1 ? words[match.start]! : words.slice(match.start, match.end).join(' ');
      evidence.mentions[category].push({ term, weight, offered, quantity, negated, passing: passing || describing });
      const terms = perTerm.get(category) ?? new Map<string, number[]>();
      perTerm.set(category, terms);
      const list = terms.get(match.value.term) ?? [];
      list.push(weight);
      terms.set(match.value.term, list);
    }
  });

  // A denial does not outweigh the same kind of product offered with an amount: "Meltblown maken wij niet"
  // beside 60 tons of spunbond a month, "beademingsapparatuur maken wij niet" beside 500 blower modules a week.
  // (A mention's quantity is already none when metres or tons count another kind: "2 miljoen meter" is elastic.)
  for (const category of disowned)
    if (evidence.mentions[category].some((m) => !m.negated && !m.passing && m.quantity !== null)) disowned.delete(category);
  // "Wij maken zelf geen testen of reagentia; wij bieden afvul- en assemblagecapaciteit": filling and
  // assembling others' test kits is what DESIGN §4 files under tests.
  if (disowned.has('tests') && evidence.mentions.tests.some((m) => m.offered && !m.negated && KIT_FILLING.test(m.term.split(' '))))
    disowned.delete('tests');
  // "We can offer: spunbond PP 15-40 gsm, SMS 35 gsm ... we do not produce meltblown": materials are many
  // products, and denying one leaves the others offered.
  if (disowned.has('materials') && evidence.mentions.materials.some((m) => m.offered && !m.negated && !m.passing && !deniedMaterials.has(m.term)))
    disowned.delete('materials');
  if (zoneWords.some((words) => NOT_PRODUCTS.test(words))) {
    evidence.service = true;
    for (const category of CATEGORIES) if (category !== 'other') disowned.add(category);
  }
  evidence.disowned = [...disowned];
  for (const category of disowned)
    for (const mention of evidence.mentions[category])
      if (!mention.negated) {
        mention.passing = true;
        mention.weight = 0;
      }

  // A lab that offers to test some products ("testcapaciteit voor mondmaskers") tests the others it lists too
  // ("filtermateriaal: meltblown en andere filtermedia"): DESIGN §4 files certification labs under other.
  if (serviceObjects.size > 0 && offersLab(perTerm.get('other')))
    for (const category of CATEGORIES)
      if (category !== 'tests' && category !== 'other' && evidence.mentions[category].length > 0) serviceObjects.add(category);
  // A machine builder: "We do not produce masks ourselves; we supply, install and service the machines". The
  // masks are what its machines make, the nose wire and ear loops what they are fed: the machines are the offer.
  if (disowned.has('masks') && evidence.mentions.other.some((m) => m.offered && !m.negated && !m.passing && MACHINES.has(m.term))) {
    evidence.machines = true;
    for (const category of ['masks', 'materials'] as const)
      if (evidence.mentions[category].length > 0) serviceObjects.add(category);
  }
  // Testing or certifying a product is a service: its other mentions (subject, standards) are the object too,
  // unless the product is also offered with a quantity.
  for (const category of serviceObjects) {
    if (
      evidence.mentions[category].some((mention) => mention.quantity !== null && !mention.passing && !mention.negated)
    )
      continue;
    evidence.service = true;
    evidence.serviced.push(category);
    for (const mention of evidence.mentions[category])
      if (!mention.passing) {
        mention.passing = true;
        mention.weight *= IN_PASSING;
      }
  }
  if (evidence.service) evidence.weight.other += SERVICE_WEIGHT;

  // A word said ten times is not ten offers: the best mention counts, repeats add a little.
  for (const [category, terms] of perTerm) {
    if ((serviceObjects.has(category) && evidence.service) || disowned.has(category)) {
      evidence.weight[category] += recount(evidence.mentions[category]);
      continue;
    }
    for (const weights of terms.values()) {
      weights.sort((a, b) => b - a);
      const [best = 0, ...rest] = weights;
      evidence.weight[category] += best + Math.min(best * 0.5, REPEAT_SHARE * rest.reduce((sum, w) => sum + w, 0));
    }
  }
  const main = dominantByCount(evidence.mentions);
  if (main !== null) evidence.weight[main] *= DOMINANT_SHARE;
  return evidence;
}

const LAB_TERMS = new Set([
  'testlaboratori*',
  'testlab',
  'test lab',
  'testing laborator*',
  'keuring*',
  'certificering*',
  'aangemelde instantie',
  'notified body',
]);

/** Whether the sender names itself a test or certification lab (a lab term it does not deny). */
function offersLab(terms: ReadonlyMap<string, number[]> | undefined): boolean {
  if (terms === undefined) return false;
  for (const [term, weights] of terms) if (LAB_TERMS.has(term) && weights.some((w) => w > 0)) return true;
  return false;
}

/** Product words sure enough (weight 2.5 and up) to keep a mail away from the spam bin. */
const SURE_PRODUCT = 2.5;

/** Whether a sure product word occurs at all, whatever its context. */
export function mentionsProduct(words: readonly string[]): boolean {
  return PRODUCTS.matchAll(words).some((match) => match.value.weight >= SURE_PRODUCT);
}

/** Whether any lexicon word of `category` occurs in the words. */
export function namesCategory(words: readonly string[], category: Category): boolean {
  return PRODUCTS.matchAll(words).some((match) => match.value.category === category);
}

/**
 * See PATIENT_VENTILATION_CONTEXT: breathing patients, then kinds of fan, then the care setting decide; denied
 * context ("geen ervaring met medische beademing") is none.
 */
function isFanText(
  zoneTokens: ReadonlyArray<readonly Token[]>,
  zoneWords: ReadonlyArray<readonly string[]>,
  language: Language,
): boolean {
  // "het gaat om luchtventilatoren, niet om beademingsapparaten": a denial decides, whatever breathing a
  // forwarder's note hoped for.
  if (zoneTokens.some((tokens, z) => PATIENT_VENTILATION.matchAll(zoneWords[z]!).some((m) => isNegated(tokens, m.start, m.end, language))))
    return true;
  if (mentions(PATIENT_VENTILATION, zoneTokens, zoneWords, language)) return false;
  // Fan words may run across zones ("air" ending the subject, "handling" opening the body).
  const all = joinZones(zoneWords);
  if (FAN_KIND.test(all)) return true;
  return !mentions(CARE, zoneTokens, zoneWords, language) && (language === 'nl' || FAN.test(all));
}

function mentions(
  terms: TermMatcher<true>,
  zoneTokens: ReadonlyArray<readonly Token[]>,
  zoneWords: ReadonlyArray<readonly string[]>,
  language: Language,
): boolean {
  return zoneTokens.some((tokens, z) =>
    terms.matchAll(zoneWords[z]!).some((match) => !isNegated(tokens, match.start, match.end, language)),
  );
}

/** words after a lab's service word that may still deny it: "Certificering volgens EN 13795 hebben wij nog niet" */
const SERVICE_DENIAL_REACH = 8;
/** "Certificering volgens EN 13795 moet nog worden aangevraagd": the sender's own certification, still to come */
const LATER = new Set(['niet', 'not', 'aangevraagd', 'aanvragen', 'applied', 'pending']);

function deniedLater(tokens: readonly Token[], at: number): boolean {
  const { clause } = tokens[at]!;
  for (let i = at + 1; i < Math.min(tokens.length, at + SERVICE_DENIAL_REACH) && tokens[i]!.clause === clause; i += 1)
    if (LATER.has(tokens[i]!.word)) return true;
  return false;
}

/** See OWN_PRODUCTION_VERBS: a making or selling verb in the denied product's clause, and no "yet". */
function deniesMaking(tokens: readonly Token[], at: number, category: Category): boolean {
  const { clause } = tokens[at]!;
  const denies = (word: string): boolean =>
    OWN_PRODUCTION_VERBS.has(word) || (category !== 'ventilators' && SUPPLY_VERBS.has(word));
  let making = false;
  for (let i = at; i >= 0 && tokens[i]!.clause === clause; i -= 1) {
    if (NOT_YET.has(tokens[i]!.word)) return false;
    making ||= denies(tokens[i]!.word);
  }
  for (let i = at + 1; i < tokens.length && tokens[i]!.clause === clause; i += 1) {
    if (NOT_YET.has(tokens[i]!.word)) return false;
    making ||= denies(tokens[i]!.word);
  }
  return making;
}

function joinZones(zoneWords: ReadonlyArray<readonly string[]>): string[] {
  // A loop, not Array.prototype.flat: that is a slow generic path in V8, slower than the lexicon scan.
  const all: string[] = [];
  for (const words of zoneWords) for (const word of words) all.push(word);
  return all;
}

// A loop, not Object.fromEntries: that generic path cost more than the rest of the record's use.
function emptyRecord<T>(make: () => T): Record<Category, T> {
  const record = {} as Record<Category, T>;
  for (const category of CATEGORIES) record[category] = make();
  return record;
}

/**
 * Where each passing phrase ends, mapped to where it starts, unless it follows a capacity word ("capacity for
 * the production of").
 */
function passingPhraseEnds(matches: readonly Match<true>[], words: readonly string[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const match of matches) {
    const before = words[match.start - 1];
    if (before === undefined || !CAPACITY_WORDS.has(before)) ends.set(match.end, match.start);
  }
  return ends;
}

function isPassing(
  match: Match<Term>,
  category: Category,
  tokens: readonly Token[],
  words: readonly string[],
  passingEnds: ReadonlyMap<number, number>,
  listHeads: ReadonlyMap<number, number>,
  language: Language,
): 'service' | 'passing' | null {
  // "Wij hebben geen ervaring met certificering volgens EN 13795": a service denied is a need, not an offer.
  const isService = (at: number): boolean =>
    SERVICE_VERBS.has(words[at]!) && !isNegated(tokens, at, at + 1, language) && !deniedLater(tokens, at);
  const clause = tokens[match.start]!.clause;
  for (let gap = 0; gap <= PASSING_REACH; gap += 1) {
    const end = match.start - gap;
    if (end < 1 || tokens[end - 1]!.clause !== clause) break;
    const start = passingEnds.get(end);
    if (start === undefined) continue;
    // "testcapaciteit voor PCR-testen" is a lab's capacity for tests, which DESIGN §4 files under tests.
    if (category === 'tests' && words.slice(start, end).some((w) => LAB_CAPACITY.has(w))) return null;
    // The verb may open the phrase ("testing of", "test capacity for") or stand just before it ("keuren volgens").
    for (let at = Math.max(0, start - 1); at < end; at += 1) if (isService(at)) return 'service';
    return 'passing';
  }
  if (servicedByIntroduction(match, tokens, words, listHeads, isService)) return 'service';
  const after = words[match.end];
  if (after === undefined || tokens[match.end]!.clause !== clause) return null;
  // "your COVID-19 test result", "FFP2 testrapport": results and reports about a product are no offer of it.
  if (RESULTS.has(after)) return 'passing';
  // "antigeen testen" are tests, while "mondkapjes testen" is a lab's service: only other products get this.
  if (category === 'tests' || !PASSING_AFTER.has(after)) return null;
  // "EN 14126 test", "FFP2 test report": a test the sender's product passed, not a lab's service.
  const named = STANDARD.test(words[match.start]!) || RESULTS.has(words[match.end + 1] ?? '');
  return isService(match.end) && !named ? 'service' : 'passing';
}

/**
 * "Wij bieden testcapaciteit aan voor:\n- chirurgische mondmaskers volgens EN 14683": a product opening an item
 * of a list whose introduction ends in a lab's verb and "voor"/"for" is what the lab tests.
 */
function servicedByIntroduction(
  match: Match<Term>,
  tokens: readonly Token[],
  words: readonly string[],
  listHeads: ReadonlyMap<number, number>,
  isService: (at: number) => boolean,
): boolean {
  const sentence = tokens[match.start]!.sentence;
  const intro = listHeads.get(sentence);
  if (intro === undefined || tokens[match.start - ITEM_OPENING]?.sentence === sentence) return false;
  let end = match.start - 1;
  while (end >= 0 && tokens[end]!.sentence !== intro) end -= 1;
  if (end < 0 || !INTRO_FOR.has(words[end]!)) return false;
  for (let at = Math.max(0, end - INTRO_VERB_REACH); at < end; at += 1) if (isService(at)) return true;
  return false;
}

/**
 * "Neusbeugels (ijzerdraad, 3 mm) voor mondkapjes": a product right after "voor"/"for", shortly after a
 * product of another category in the same sentence, is what that product is for.
 */
function isUseOfEarlierProduct(
  match: Match<Term>,
  category: Category,
  previous: { match: Match<Term>; passing: boolean } | null,
  tokens: readonly Token[],
  words: readonly string[],
): boolean {
  const at = match.start - 1;
  if (previous === null || previous.passing || previous.match.value.category === category) return false;
  if (!WEAK_PASSING.has(words[at] ?? '') || WEAK_PASSING_UNDONE.has(words[at - 1] ?? '')) return false;
  return previous.match.end >= at - USE_REACH && tokens[previous.match.start]!.sentence === tokens[at]!.sentence;
}

/** "aan confectiebedrijven die isolatiejassen maken", "to companies that make face masks". */
function isCustomersProduct(match: Match<Term>, tokens: readonly Token[], words: readonly string[]): boolean {
  const clause = tokens[match.start]!.clause;
  for (let r = match.start - 1; r >= Math.max(1, match.start - RELATIVE_REACH); r -= 1) {
    if (tokens[r]!.clause !== clause) return false;
    if (!RELATIVE_PRONOUNS.has(words[r]!)) continue;
    let preposition = false;
    for (let p = r - 2; p >= Math.max(0, r - 1 - CUSTOMER_NOUN_REACH) && !preposition; p -= 1)
      preposition = tokens[p]!.clause === clause && CUSTOMER_PREPOSITIONS.has(words[p]!);
    if (!preposition) return false;
    const last = Math.min(tokens.length, match.end + CUSTOMER_VERB_REACH);
    for (let v = r + 1; v < last && tokens[v]!.clause === clause; v += 1)
      if (CUSTOMER_VERBS.has(words[v]!)) return true;
    return false;
  }
  return false;
}

interface Scope {
  /** first token inside the condition */
  from: number;
  sentence: number;
  /** a fronted condition ends with its clause; null: it runs to the end of the sentence */
  clause: number | null;
}

const NO_SCOPES: readonly Scope[] = [];
const NO_SENTENCES: ReadonlySet<number> = new Set();
const WHOLE = new Set(['complete', 'volledige', 'gehele', 'hele', 'whole', 'entire', 'finished', 'klare']);
const LIST_JOINERS = new Set(['or', 'and', 'nor', 'of', 'en', 'noch']);

function sentencesOf(matches: readonly Match<true>[], tokens: readonly Token[]): ReadonlySet<number> {
  return new Set(matches.map((match) => tokens[match.start]!.sentence));
}

function conditionScopes(matches: readonly Match<true>[], tokens: readonly Token[]): readonly Scope[] {
  return matches.map(({ start, end }) => {
    const { sentence, clause } = tokens[start]!;
    const fronted = start === 0 || tokens[start - 1]!.sentence !== sentence;
    return { from: end, sentence, clause: fronted ? clause : null };
  });
}

function inScope(scopes: readonly Scope[], tokens: readonly Token[], at: number): boolean {
  const { sentence, clause } = tokens[at]!;
  return scopes.some(
    (scope) => at >= scope.from && scope.sentence === sentence && (scope.clause === null || scope.clause === clause),
  );
}

/** The weight of mentions already discounted one by one: best plus a little for repeats, as below. */
function recount(mentions: readonly Mention[]): number {
  const weights = mentions.map((mention) => mention.weight).sort((a, b) => b - a);
  const [best = 0, ...rest] = weights;
  return best + Math.min(best * 0.5, REPEAT_SHARE * rest.reduce((sum, w) => sum + w, 0));
}
