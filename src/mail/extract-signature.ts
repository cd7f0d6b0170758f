/**
 * Finds the signature block of a company's message: the lines after the last closing phrase ("Met
 * vriendelijke groet", "Kind regards") or after a "-- " delimiter. Quoted history below the message is cut
 * first, so a quoted call for offers cannot lend its (association's) signature to the company.
 */

export interface Signature {
  /** non-empty, trimmed lines of the block, at most MAX_LINES */
  lines: string[];
  /** true when a closing phrase or delimiter marks the block; false when it is only the message's tail */
  marked: boolean;
}

const MAX_LINES = 15;
const TAIL_LINES = 8;
/** Enough for any real signature; bounds the work on pathological single-line bodies. */
const MAX_LINE_LENGTH = 300;

const HISTORY =
  /^(?:-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht|forwarded message|doorgestuurd bericht)|_{5,}\s*$|>|(?:van|from|verzonden|sent|gesendet|von)\s*:\s*\S|on\s.{1,200}\swrote:\s*$|op\s.{1,200}\sschreef\s.{0,200}:\s*$)/i;

const CLOSING =
  /^(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|zonnige|gezonde)\s+groet(?:en)?|^met\s+groet(?:en)?|^(?:veel\s+)?groet(?:en|jes)?|^(?:mvg|m\.?vr\.?gr\.?|vr\.?gr\.?|hoogachtend)|^(?:with\s+)?(?:kind|best|warm|warmest|kindest)\s+(?:regards|wishes)|^regards|^best|^sincerely|^yours\s+(?:sincerely|faithfully|truly)|^(?:many\s+)?thanks|^thank\s+you|^cheers|^br|^(?:mit\s+)?(?:freundlichen|besten|vielen)\s+gr(?:ü|ue)(?:ß|ss)en|^(?:alvast\s+)?bedankt|^bij\s+voorbaat\s+dank|^dank\s+(?:u|je)?\s*(?:wel)?/i;

/** After the phrase: nothing, or punctuation and a short sign-off name ("Groet, Jan"). */
const CLOSING_REST = /^\s*(?:[,.!:;–-]+\s*(.{0,60}))?$/;

const DELIMITER = /^--\s*$/;

export function findSignature(text: string): Signature {
  const lines = text.split(/\r?\n/);
  const body: string[] = [];
  let started = false;
  for (const line of lines) {
    const short = line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line;
    const trimmed = short.trim();
    if (started && HISTORY.test(trimmed)) break;
    started ||= trimmed.length > 0;
    body.push(trimmed);
  }

  let start = -1;
  let marked = false;
  const firstLines: string[] = [];
  for (let i = body.length - 1; i >= 0; i--) {
    const line = body[i] ?? '';
    if (DELIMITER.test(line)) {
      start = i + 1;
      marked = true;
      break;
    }
    const closing = closingRemainder(line);
    if (closing !== null) {
      start = i + 1;
      marked = true;
      if (closing.length > 0) firstLines.push(closing);
      break;
    }
  }

  if (!marked) {
    const nonEmpty = body.filter((l) => l.length > 0);
    return { lines: nonEmpty.slice(-TAIL_LINES), marked: false };
  }
  const after = body.slice(start).filter((l) => l.length > 0);
  return { lines: [...firstLines, ...after].slice(0, MAX_LINES), marked: true };
}

/** The sign-off name after a closing phrase ("" when none), or null when the line is not a closing. */
function closingRemainder(line: string): string | null {
  if (line.length === 0 || line.length > 80) return null;
  const phrase = CLOSING.exec(line);
  if (!phrase) return null;
  const rest = CLOSING_REST.exec(line.slice(phrase[0].length));
  if (!rest) return null;
  return (rest[1] ?? '').trim();
}
