/**
 * Just enough XML for reading package parts by hand: attributes of one element, entity
 * decoding, OOXML's `_xHHHH_` escapes, and the text of a string item (shared string or
 * inline string). Package parts are machine-written XML, so these small scanners are
 * exact for them; anything odd makes the caller fall back to ExcelTS.
 */

/** The value of attribute `name` in one start tag (entities decoded), or undefined. */
export function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element);
  if (!match) return undefined;
  return decodeXml(match[1] ?? match[2] ?? '');
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Text with XML's entity and character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** Text with XML's special characters escaped, for element content and attributes. */
export function encodeXml(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Characters XML 1.0 cannot hold, which an `_xHHHH_` escape is left alone for (as ExcelTS does). */
function unwritable(code: number): boolean {
  return (
    code === 0 ||
    (code >= 0x01 && code <= 0x08) ||
    code === 0x0b ||
    code === 0x0c ||
    (code >= 0x0e && code <= 0x1f) ||
    code === 0x7f ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/** OOXML's `_xHHHH_` escapes decoded (`_x000D_` → carriage return), as ExcelTS reads them. */
export function decodeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    return unwritable(code) ? whole : String.fromCharCode(code);
  });
}

/**
 * The text of a string item's content (`<t>` directly, or runs `<r><t>`), leaving out
 * phonetic guides (`<rPh>`), with entities and `_xHHHH_` escapes decoded.
 */
export function itemText(xml: string): string {
  const content = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  let at = 0;
  for (;;) {
    const open = content.indexOf('<t', at);
    if (open < 0) return text;
    const after = content.charCodeAt(open + 2);
    const close = content.indexOf('>', open);
    if (close < 0) return text;
    // "<t>" or "<t xml:space=...>", not "<tableColumn" or the like; "<t/>" is empty.
    if (after !== 62 && after !== 32 && after !== 47) {
      at = close + 1;
      continue;
    }
    if (content.charCodeAt(close - 1) === 47) {
      at = close + 1;
      continue;
    }
    const end = content.indexOf('</t>', close);
    if (end < 0) return text;
    text += decodeOoxml(decodeXml(content.slice(close + 1, end)));
    at = end + 4;
  }
}

/** Every start tag (or empty element) named `tag` in `xml`, e.g. all `<sheet .../>`. */
export function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => m[0]);
}
