/**
 * The plain data that flows through the pure core. Everything here is JSON-serialisable so a stored
 * analysis can be re-read, compared and exported without the code that produced it.
 */

export const CATEGORIES = ['masks', 'gowns', 'tests', 'materials', 'ventilators', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ROUTES = ['ignore', 'redirect', 'review'] as const;
export type Route = (typeof ROUTES)[number];

export type Language = 'nl' | 'en';

export interface Address {
  /** lower-cased */
  email: string;
  name: string | null;
}

export interface Contact extends Address {
  organisation: string | null;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
}

/** Why a message counts as automatic or unwanted (RFC 3834 and friends); null for mail written by a person. */
export interface AutomaticMail {
  kind: 'auto-reply' | 'bounce' | 'list' | 'spam' | 'unrelated';
  reason: string;
}

export interface Quantity {
  /** as written, e.g. "500.000 per week" */
  text: string;
  amount: number;
  per: 'day' | 'week' | 'month' | null;
}

export interface LeadTime {
  /** finished goods on the shelf ("uit voorraad", "in stock") */
  inStock: boolean;
  /** days until delivery when stated, else null */
  days: number | null;
  text: string | null;
}

export interface CategoryScore {
  category: Category;
  score: number;
}

/** The DESIGN §5 contract object, minus `file`. Field order is the printed order. */
export interface ParseResult {
  messageId: string | null;
  subject: string | null;
  date: string | null;
  language: Language;
  sender: Contact | null;
  forwardedBy: Address | null;
  kvk: string | null;
  category: Category | null;
  categories: CategoryScore[];
  route: Route;
  reasons: string[];
  attachments: AttachmentInfo[];
}

/** Header facts that reply safety (RFC 3834) needs later, without re-parsing the raw message. */
export interface ReplySafety {
  returnPath: string | null;
  autoSubmitted: string | null;
  autoResponseSuppress: string | null;
  listId: string | null;
  precedence: string | null;
}

/** Everything the core learns from one message: the contract fields plus what storage and review need. */
export interface Analysis extends ParseResult {
  /** Message-ID of the forwarded original, when the forward carried one (dedupe across associations). */
  originalMessageId: string | null;
  inReplyTo: string | null;
  references: string[];
  automatic: AutomaticMail | null;
  phone: string | null;
  website: string | null;
  quantities: Quantity[];
  leadTime: LeadTime;
  certifications: string[];
  /** the company's own words: forwarder note, quoted history and signatures removed where found */
  offerText: string;
  /** the forwarder's note above the forward, if any */
  forwarderNote: string | null;
  /** sanitising happens at display time; this is the original HTML body of the offer, if any */
  offerHtml: string | null;
  replySafety: ReplySafety;
}

/** One item's result in a batch: its value, or the error that stopped that item alone. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
