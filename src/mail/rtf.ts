import { decompressRTF } from '@kenjiuno/decompressrtf';
import iconv from 'iconv-lite';
import { deEncapsulateSync, Tokenize } from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';

/**
 * The body of an Outlook item that only has compressed RTF (PR_RTF_COMPRESSED): mail written in Outlook's
 * RTF format and forwarded as winmail.dat or .msg carries no plain or HTML body at all, so without this the
 * company's words were lost and the lead was classified on its subject alone.
 *
 * Outlook also wraps HTML and plain-text mail in RTF (\fromhtml1, \fromtext): that is taken back out as it
 * was written. Native RTF is turned into text by rtf-stream-parser (code pages, \u escapes, destinations).
 */
export interface RtfBody {
  text: string | null;
  html: string | null;
}

const NONE: RtfBody = Object.freeze({ text: null, html: null });

/** The parser reports malformed RTF on console.warn by default, once per token: noise on stderr, nothing to act on. */
const quiet = (): void => undefined;

const BACKSLASH = 0x5c;
const QUOTE = 0x27;
const isHex = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));

/**
 * Its tokenizer warns on console.warn, with no option, for every \' escape not followed by two hex digits:
 * broken or hostile RTF could write millions of lines. Such an escape names no character, so its backslash is
 * blanked out first and the rest reads as plain text (a copy is made only when one occurs).
 */
function withoutBadHexEscapes(rtf: Buffer): Buffer {
  let out: Buffer | null = null;
  for (let at = rtf.indexOf(BACKSLASH); at >= 0; at = rtf.indexOf(BACKSLASH, at + 2)) {
    if (rtf[at + 1] !== QUOTE || (isHex(rtf[at + 2]) && isHex(rtf[at + 3]))) continue;
    out ??= Buffer.from(rtf);
    out[at] = 0x20;
  }
  return out ?? rtf;
}

/** A mail body compresses to kilobytes; more is a picture-laden document or a bomb, not worth reading. */
const MAX_COMPRESSED_BYTES = 2 * 1024 * 1024;

export async function rtfBody(compressed: Uint8Array): Promise<RtfBody> {
  if (compressed.length < 16 || compressed.length > MAX_COMPRESSED_BYTES) return NONE;
  // The decompressor reads up to the size the header declares: a header claiming more than is there would
  // have it loop over nothing for up to 2^31 steps.
  const declared = Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength).readUInt32LE(0) + 4;
  if (declared > compressed.length) return NONE;
  let rtf: Buffer;
  try {
    rtf = withoutBadHexEscapes(Buffer.from(decompressRTF(Array.from(compressed))));
  } catch {
    return NONE;
  }
  try {
    const wrapped = deEncapsulateSync(rtf, { decode: iconv.decode, mode: 'either', warn: quiet });
    const body = typeof wrapped.text === 'string' ? wrapped.text : wrapped.text.toString('utf8');
    return wrapped.mode === 'html' ? { text: null, html: body } : { text: normalise(body), html: null };
  } catch {
    // not wrapped: native RTF
  }
  const text = await plainText(rtf).catch(() => '');
  return { text: normalise(text) || null, html: null };
}

function plainText(rtf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const tokens = new Tokenize();
    const text = new ToPlainText({ decode: iconv.decode, warn: quiet });
    const chunks: string[] = [];
    tokens.on('error', reject);
    text.on('error', reject);
    text.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
    text.on('end', () => resolve(chunks.join('')));
    tokens.pipe(text);
    tokens.end(rtf);
  });
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
