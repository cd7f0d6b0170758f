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
/** A signature and its disclaimer fit in this many characters at the end of the message body. */
const TAIL_CHARS = 6000;
const MAX_LINE_LENGTH = 300;

/** The first line of quoted history: an Outlook header block, a "wrote:" line, quoted lines. */
const HISTORY =
  /^[ \t]*(?:-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht|forwarded message|doorgestuurd bericht)|_{5,}[ \t]*$|>|(?:van|from|verzonden|sent|gesendet|von)[ \t]*:[ \t]*\S|on[ \t][^\n]{1,200}[ \t]wrote:[ \t]*$|op[ \t][^\n]{1,200}[ \t]schreef[ \t][^\n]{0,200}:[ \t]*$)/gim;

const CLOSING =
  /^(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|zonnige|gezonde)\s+groet(?:en)?|^met\s+groet(?:en)?|^(?:veel\s+)?groet(?:en|jes)?|^(?:mvg|m\.?vr\.?gr\.?|vr\.?gr\.?|hoogachtend)|^(?:with\s+)?(?:kind|best|warm|warmest|kindest)\s+(?:regards|wishes)|^regards|^best|^sincerely|^yours\s+(?:sincerely|faithfully|truly)|^(?:many\s+)?thanks|^thank\s+you|^cheers|^br|^(?:mit\s+)?(?:freundlichen|besten|vielen)\s+gr(?:ü|ue)(?:ß|ss)en|^(?:alvast\s+)?bedankt|^bij\s+voorbaat\s+dank|^dank\s+(?:u|je)?\s*(?:wel)?/i;

/** After the phrase: nothing, or punctuation and a short sign-off name ("Groet, Jan"). */
const CLOSING_REST = /^\s*(?:[,.!:;–-]+\s*(.{0,60}))?$/;

const DELIMITER = /^--\s*$/;

export function findSignature(text: string): Signature {
  const lines = tailLines(messageBody(text));
  let start = -1;
  const firstLines: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (DELIMITER.test(line)) {
      start = i + 1;
      break;
    }
    const closing = closingRemainder(line);
    if (closing !== null) {
      start = i + 1;
      if (closing.length > 0) firstLines.push(closing);
      break;
    }
  }
  if (start < 0) return { lines: lines.filter((l) => l.length > 0).slice(-TAIL_LINES), marked: false };
  const after = lines.slice(start).filter((l) => l.length > 0);
  return { lines: [...firstLines, ...after].slice(0, MAX_LINES), marked: true };
}

/** The text above the first quoted-history line that follows some content of the message's own. */
function messageBody(text: string): string {
  const firstContent = text.search(/\S/);
  if (firstContent < 0) return '';
  HISTORY.lastIndex = firstContent;
  for (let m = HISTORY.exec(text); m; m = HISTORY.exec(text)) {
    if (m.index > firstContent) return text.slice(0, m.index);
    if (m[0].length === 0) HISTORY.lastIndex++;
  }
  return text;
}

function tailLines(body: string): string[] {
  const tail = body.length > TAIL_CHARS ? body.slice(body.indexOf('\n', body.length - TAIL_CHARS) + 1) : body;
  return tail.split('\n').map((line) => (line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line).trim());
}

/** Whether a (trimmed) line closes a message: "Met vriendelijke groet,", "Kind regards, Jan". */
export function isClosingLine(line: string): boolean {
  return closingRemainder(line) !== null;
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
