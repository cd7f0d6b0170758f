import sanitizeHtml from 'sanitize-html';

/**
 * Mail HTML is hostile until proven otherwise. An allow-list of plain formatting tags survives; SVG,
 * MathML, <style>, <script>, forms, frames, event handlers and every URL scheme but http(s) and mailto are
 * dropped. Images keep only inline data: sources (mailparser turns cid: parts into those); any other source
 * becomes a placeholder, so opening a mail never tells a sender it was read. This is one layer: the frame it
 * is shown in is also sandboxed and under a CSP that allows no remote fetch at all.
 */
export const BLOCKED_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;
// CSS values made of words, numbers, colours and units only: no url(), expression(), escapes or quotes.
const NO_FUNCTIONS = [/^[#a-z0-9.,%\s-]+$/i];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'code',
    'col',
    'colgroup',
    'dd',
    'del',
    'div',
    'dl',
    'dt',
    'em',
    'font',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'ins',
    'li',
    'ol',
    'p',
    'pre',
    's',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
    'center',
  ],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'title'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    table: ['width', 'border', 'cellpadding', 'cellspacing'],
    font: ['color', 'size'],
    '*': ['style', 'align', 'dir', 'lang'],
  },
  allowedStyles: {
    '*': {
      color: NO_FUNCTIONS,
      'background-color': NO_FUNCTIONS,
      'font-weight': NO_FUNCTIONS,
      'font-style': NO_FUNCTIONS,
      'font-size': NO_FUNCTIONS,
      'font-family': [/^[a-z0-9,\s-]+$/i],
      'text-align': NO_FUNCTIONS,
      'text-decoration': NO_FUNCTIONS,
      margin: NO_FUNCTIONS,
      padding: NO_FUNCTIONS,
      border: NO_FUNCTIONS,
      width: NO_FUNCTIONS,
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      if (INLINE_IMAGE.test(src)) return { tagName, attribs };
      return {
        tagName,
        attribs: {
          ...attribs,
          src: BLOCKED_IMAGE,
          alt: `[image blocked${attribs.alt ? `: ${attribs.alt}` : ''}]`,
          title: 'remote image blocked',
        },
      };
    },
  },
};

export function sanitiseMailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
