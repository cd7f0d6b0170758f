import type { Analysis } from '../../src/core/types.js';
import type { AnalyseBatch } from '../../src/core/analyse.js';

/**
 * A stand-in for the core in pipeline tests: each raw message carries an `X-Fixture` header naming the
 * Analysis registered for it, so storage, dedupe and failure handling are tested against exact inputs,
 * independent of the classifier's current behaviour.
 */
export function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    messageId: null,
    subject: 'Aanbod mondkapjes',
    date: '2020-03-20T08:35:14.000Z',
    language: 'nl',
    sender: { email: 'info@maskers.nl', name: 'Jan Jansen', organisation: 'Maskers B.V.' },
    forwardedBy: null,
    kvk: '12345678',
    category: 'masks',
    categories: [{ category: 'masks', score: 0.9 }],
    route: 'review',
    reasons: ['mentions mondkapjes'],
    attachments: [],
    originalMessageId: null,
    inReplyTo: null,
    references: [],
    automatic: null,
    phone: '+31 20 123 4567',
    website: 'https://maskers.nl',
    quantities: [{ text: '500.000 per week', amount: 500000, per: 'week' }],
    leadTime: { inStock: false, days: 14, text: 'binnen 2 weken' },
    certifications: ['EN 14683 type IIR'],
    offerText: 'Wij kunnen 500.000 chirurgische mondmaskers type IIR per week produceren vanaf april, gecertificeerd volgens EN 14683, in onze fabriek in Tilburg.',
    forwarderNote: null,
    offerHtml: null,
    replySafety: { returnPath: null, autoSubmitted: null, autoResponseSuppress: null, listId: null, precedence: null },
    ...over,
  };
}

export class FixtureCore {
  private readonly byName = new Map<string, Analysis | Error>();
  private counter = 0;
  calls = 0;

  /** Registers what the core returns (or throws) for a new raw message, and returns that message. */
  message(result: Analysis | Error): Buffer {
    const name = `f${++this.counter}`;
    this.byName.set(name, result);
    return Buffer.from(`X-Fixture: ${name}\r\nSubject: fixture ${name}\r\n\r\nbody ${name}\r\n`);
  }

  set(raw: Buffer, result: Analysis | Error): void {
    this.byName.set(this.nameOf(raw), result);
  }

  private nameOf(raw: Buffer): string {
    return /X-Fixture: (\w+)/.exec(raw.toString('latin1'))![1]!;
  }

  /** One message's registered analysis; throws its registered error. */
  readonly analyseOne = async (raw: Buffer): Promise<Analysis> => {
    this.calls++;
    const result = this.byName.get(this.nameOf(raw));
    if (!result) throw new Error('unknown fixture');
    if (result instanceof Error) throw result;
    return result;
  };

  readonly analyse: AnalyseBatch = perMessage(this.analyseOne);
}

/** A batch core made of a one-message stand-in: each message settles on its own, as in analyseBatch. */
export function perMessage(one: (raw: Buffer) => Promise<Analysis>): AnalyseBatch {
  return async (raws) => {
    const out: Awaited<ReturnType<AnalyseBatch>> = [];
    for (const raw of raws) {
      try {
        out.push({ ok: true, value: await one(raw) });
      } catch (error) {
        out.push({ ok: false, error });
      }
    }
    return out;
  };
}
