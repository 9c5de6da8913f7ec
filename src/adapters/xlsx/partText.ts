/**
 * A package part's bytes as checked XML text. Every part a run reads goes through here
 * once: it must be text in its encoding (UTF-8, or UTF-16 with a byte-order mark) and
 * well-formed XML, checked by ExcelTS's SAX parser; a damaged part is refused with an
 * {@link XlsxError} naming the part and where the fault is, in plain words, rather than
 * read as far as a scanner gets (which could mean a silently shorter table). Parts a run
 * does not read are copied through as they are and not checked.
 */
import { SaxParser } from '@cj-tech-master/excelts/xml';
import { XlsxErrorCode, xlsxFail } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A part's bytes as text (UTF-8, or UTF-16 after its byte-order mark), or undefined if they are not. */
export function decodePart(data: Uint8Array): string | undefined {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) {
      return new TextDecoder('utf-16le', { fatal: true }).decode(data);
    }
    if (data[0] === 0xfe && data[1] === 0xff) {
      return new TextDecoder('utf-16be', { fatal: true }).decode(data);
    }
    return utf8.decode(data);
  } catch {
    return undefined;
  }
}

/** The offset in `xml` of a 1-based line and a column as the parser counts them. */
function offsetOf(xml: string, line: number, column: number): number {
  let at = 0;
  for (let n = 1; n < line && at >= 0; n++) at = xml.indexOf('\n', at) + 1;
  return Math.max(0, at) + column;
}

/** What a SAX parser's message means, in words a finance user can pass on. */
function plainWords(message: string, xml: string, offset: number): string {
  const text = message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
  const root = /<[A-Za-z_]/.exec(xml)?.index ?? xml.length;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [
      /^text data outside of root node/,
      () =>
        offset < root
          ? 'text before the start of the document'
          : 'text after the end of the document',
    ],
    [/^unclosed tag: (.*)/, (m) => `the element <${m[1] ?? ''}> is never closed`],
    [/^unmatched close tag: (.*)/, (m) => `</${m[1] ?? ''}> closes an element that is not open`],
    [/^document must contain a root element/, () => 'there is no XML in it'],
    [/^documents may contain only one root element/, () => 'a second document after the first'],
    [/^duplicate attribute: (.*)/, (m) => `the attribute ${m[1] ?? ''} is given twice`],
    [/^undefined entity: (.*)/, (m) => `&${m[1] ?? ''}; is not a character XML knows`],
    [/^invalid XML character: (.*)/, (m) => `a character XML cannot hold (${m[1] ?? ''})`],
    [/entity/, () => 'a broken character reference (&…;)'],
    [/^malformed comment/, () => 'a broken comment'],
    [/attribute/, () => 'a broken attribute'],
  ];
  for (const [pattern, words] of rules) {
    const match = pattern.exec(text);
    if (match) return words(match);
  }
  return 'broken markup';
}

/** Whether the XML is well-formed; with `position`, throws the parser's error (with line and column) if not. */
function wellFormed(xml: string, position: boolean): boolean {
  const parser = new SaxParser({ position, maxDepth: 0, maxEntityExpansions: 0 });
  try {
    parser.write(xml);
    parser.close();
    return true;
  } catch (error) {
    if (position) throw error;
    return false;
  }
}

/**
 * Parts above this many characters whose rows sit in a `<sheetData>` (a big worksheet)
 * are checked around their rows only: the SAX parser takes about 1.9 s for a 37 MB sheet
 * of 100,000 rows, five times the row scanner's whole read. What is outside the rows
 * (the start and end of the part, so a sheet cut short, or with text after its end) is
 * still checked; a fault inside the rows of such a sheet is not found by this check.
 */
export const FULL_CHECK_CHARACTERS = 8_000_000;

/** What of the XML to check: all of it, or a big sheet with its rows left out. */
function outline(xml: string): string {
  if (xml.length <= FULL_CHECK_CHARACTERS) return xml;
  const open = xml.indexOf('<sheetData');
  const openEnd = open < 0 ? -1 : xml.indexOf('>', open);
  const close = xml.lastIndexOf('</sheetData>');
  if (openEnd < 0 || close < openEnd || xml.charCodeAt(openEnd - 1) === 47) return xml;
  return xml.slice(0, openEnd + 1) + xml.slice(close);
}

/**
 * A part's bytes as text, checked to be well-formed XML (a big sheet around its rows,
 * see {@link FULL_CHECK_CHARACTERS}).
 *
 * @param data - The part's bytes, inflated.
 * @param part - The part's name, for the message (`xl/worksheets/sheet2.xml`).
 * @param file - The workbook, as named in messages.
 * @throws XlsxError `XLSX.DAMAGED` naming the file, the part and the line and
 *   column of the fault: "plan.xlsx is damaged: xl/worksheets/sheet2.xml, line 2,
 *   column 9: text after the end of the document."
 */
export function checkedXml(data: Uint8Array, part: string, file: string): string {
  const xml = decodePart(data);
  if (xml === undefined) {
    return xlsxFail(
      XlsxErrorCode.DAMAGED,
      `${file} is damaged: ${part} is not text (its bytes are not valid UTF-8). Open it in Excel, save it again, and try again.`,
      file,
    );
  }
  // Counting lines and columns slows the parser by about a fifth: only when there is a fault.
  if (wellFormed(outline(xml), false)) return xml;
  try {
    wellFormed(xml, true);
  } catch (error) {
    const { message, line, column } = error as { message?: string; line?: number; column?: number };
    const where = line === undefined ? '' : `, line ${line}, column ${column ?? 0}`;
    const words = plainWords(String(message), xml, offsetOf(xml, line ?? 1, column ?? 0));
    xlsxFail(
      XlsxErrorCode.DAMAGED,
      `${file} is damaged: ${part}${where}: ${words}. Open it in Excel, save it again, and try again.`,
      file,
    );
  }
  return xml;
}
