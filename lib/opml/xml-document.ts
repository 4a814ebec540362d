import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OpmlError } from './opml-error.ts';
import { assertNoEntityDeclarations } from './xml-safety.ts';

/** One node of fast-xml-parser's `preserveOrder` output: `{ [tag]: children, ':@': attributes }`. */
export type XmlEntry = Record<string, unknown>;

const ATTRIBUTE_PREFIX = '@_';
const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';
// Tags we read or name in messages. Others get a prefix so no element name can ever
// become a special property (`__proto__`, `constructor`) in the parsed tree.
const KNOWN_TAGS: ReadonlySet<string> = new Set(['opml', 'head', 'title', 'body', 'outline', 'rss', 'feed', 'rdf:rdf', 'html']);
const METADATA = XMLParser.getMetaDataSymbol();

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // OPML in the wild spells xmlUrl as xmlurl or XMLURL; the prefix keeps names like
  // `__proto__` from reaching the dangerous-name check, which would throw.
  transformAttributeName: (name: string) => name.toLowerCase(),
  transformTagName: (name: string) => {
    const lower = name.toLowerCase();
    return KNOWN_TAGS.has(lower) ? lower : `x-${lower}`;
  },
  textNodeName: TEXT_KEY,
  cdataPropName: CDATA_KEY,
  // Entities are decoded by decodeXmlEntities: only the five predefined ones and
  // numeric references, so nothing a DOCTYPE declares is ever expanded or fetched.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses XML text into ordered entries; throws `OpmlError('malformed')` for broken or hostile XML. */
export function readXmlDocument(text: string): XmlEntry[] {
  assertNoEntityDeclarations(text);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { line, msg } = verdict.err;
    throw new OpmlError('malformed', `This OPML file is damaged near line ${line}, so nothing was imported. Try exporting it again.`, { line, detail: msg });
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new OpmlError('malformed', 'This OPML file could not be read (it may be nested too deeply or damaged), so nothing was imported.', { detail });
  }
  return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
}

/** The element name of an entry, or null for text/CDATA entries. */
export function elementName(entry: XmlEntry): string | null {
  for (const key of Object.keys(entry)) {
    if (key !== ATTRIBUTES_KEY && key !== TEXT_KEY && key !== CDATA_KEY) return key;
  }
  return null;
}

/** Child entries of an element entry. */
export function childEntries(entry: XmlEntry): XmlEntry[] {
  const name = elementName(entry);
  const children = name === null ? undefined : entry[name];
  return Array.isArray(children) ? children.filter(isEntry) : [];
}

/** Child elements with a given (lower-case) name. */
export function childElements(entry: XmlEntry, name: string): XmlEntry[] {
  return childEntries(entry).filter((child) => elementName(child) === name);
}

/** Attributes of an element, names lower-cased, values still entity-encoded. */
export function attributesOf(entry: XmlEntry): Map<string, string> {
  const result = new Map<string, string>();
  const raw = entry[ATTRIBUTES_KEY];
  if (typeof raw !== 'object' || raw === null) return result;
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(ATTRIBUTE_PREFIX) && typeof value === 'string') {
      result.set(key.slice(ATTRIBUTE_PREFIX.length), value);
    }
  }
  return result;
}

/** Raw text of an element: text parts entity-encoded, CDATA parts marked as literal. */
export function textParts(entry: XmlEntry): { text: string; literal: boolean }[] {
  const parts: { text: string; literal: boolean }[] = [];
  for (const child of childEntries(entry)) {
    const text = child[TEXT_KEY];
    if (typeof text === 'string') parts.push({ text, literal: false });
    const cdata = child[CDATA_KEY];
    if (Array.isArray(cdata)) {
      for (const piece of cdata.filter(isEntry)) {
        const value = piece[TEXT_KEY];
        if (typeof value === 'string') parts.push({ text: value, literal: true });
      }
    }
  }
  return parts;
}

/** Offset of the element's `<` in the original text, when the parser recorded it. */
export function startIndexOf(entry: XmlEntry): number | undefined {
  const meta: unknown = (entry as Record<symbol, unknown>)[METADATA as symbol];
  if (typeof meta !== 'object' || meta === null || !('startIndex' in meta)) return undefined;
  return typeof meta.startIndex === 'number' ? meta.startIndex : undefined;
}

function isEntry(value: unknown): value is XmlEntry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
