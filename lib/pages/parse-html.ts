/**
 * The one way Partwise reads HTML: htmlparser2 into a domhandler tree, in any context (service
 * workers have no DOMParser). Everything in `lib/pages/` and every markup scan builds on this.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { Parser, DomHandler, Tokenizer } from 'htmlparser2';

export type { AnyNode, Document, Element };

/**
 * Deepest element nesting kept. htmlparser2 keeps its open elements in an array it `unshift`s, so
 * each open tag costs the current depth: 100,000 unclosed `<div>` took 19 s. Past this depth an
 * open tag first closes the innermost element, so every step costs at most this much and a parse
 * stays linear in its input; real pages nest a few dozen levels.
 */
export const MAX_DEPTH = 256;

// The parser's private open-element stack and tag opener, reached once here so the bound holds.
interface ParserInternals {
  stack: string[];
  emitOpenTag(name: string): void;
  popElement(implied: boolean): void;
}

function boundDepth(parser: Parser): void {
  const internals = parser as unknown as ParserInternals;
  const emitOpenTag = internals.emitOpenTag.bind(parser);
  internals.emitOpenTag = (name: string) => {
    while (internals.stack.length >= MAX_DEPTH) internals.popElement(true);
    emitOpenTag(name);
  };
}

/** A count of the parser's events (tags, attributes, text runs, comments): the work a parse did. */
export interface HtmlWork {
  events: number;
}

// A tree builder that also counts every event it receives, so tests can prove a parse linear by
// counting work instead of timing it.
class CountingHandler extends DomHandler {
  constructor(private readonly work: HtmlWork) {
    super();
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    this.work.events++;
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.work.events++;
    super.onclosetag();
  }
  override ontext(data: string): void {
    this.work.events++;
    super.ontext(data);
  }
  override oncomment(data: string): void {
    this.work.events++;
    super.oncomment(data);
  }
  override onprocessinginstruction(name: string, data: string): void {
    this.work.events++;
    super.onprocessinginstruction(name, data);
  }
  onattribute(): void {
    this.work.events++;
  }
}

/**
 * Parses an HTML document or fragment (entities decoded, names lower-cased) in linear time.
 * `work`, when given, counts the parser's events.
 */
export function parseHtml(html: string, work?: HtmlWork): Document {
  const handler = work ? new CountingHandler(work) : new DomHandler();
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  boundDepth(parser);
  parser.end(html);
  return handler.root;
}

/** Every element below `root`, in document order, without recursion. */
export function* elementsOf(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node) && node !== root) yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

// Elements whose text a reader never sees.
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

/** The text a reader sees inside `node`, as written (whitespace not collapsed), without recursion. */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isText(current)) parts.push(current.data);
    else if (isTag(current) && HIDDEN.has(current.name)) continue;
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return parts.join('');
}

/**
 * A piece of markup and its source range `[start, end)`: a start or end tag (`name` lower-cased),
 * or other markup (a comment, a declaration, a processing instruction) without a name.
 */
export interface MarkupToken {
  start: number;
  end: number;
  name?: string;
  closing?: boolean;
}

/**
 * Calls `visit` for each complete piece of markup of `html`, in source order, with its source
 * range; what lies between is text, as written (entities not decoded). For the places that must
 * keep the source around the tags (titles where `Vec<T>` is text): the same parser's tokenizer,
 * without a tree, so linear in its input. A tag cut off by the end of the input is not reported.
 */
export function scanMarkup(html: string, visit: (token: MarkupToken) => void, work?: HtmlWork): void {
  let open: { name: string; start: number } | undefined;
  let nextGt = -2;
  // The `>` ending markup whose end the tokenizer does not report; cached, so a scan stays linear.
  const gtFrom = (from: number): number => {
    if (nextGt !== -1 && nextGt < from) nextGt = html.indexOf('>', from);
    return nextGt === -1 ? html.length : nextGt + 1;
  };
  const other = (start: number, end: number): void => {
    if (work) work.events++;
    visit({ start: html.lastIndexOf('<', start - 1), end: gtFrom(end) });
  };
  const endOpen = (end: number): void => {
    if (work) work.events++;
    if (open) visit({ start: open.start, end: end + 1, name: open.name });
    open = undefined;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname: (start, end) => {
        open = { name: html.slice(start, end).toLowerCase(), start: start - 1 };
      },
      onopentagend: endOpen,
      onselfclosingtag: endOpen,
      onclosetag: (start, end) => {
        if (work) work.events++;
        const gt = gtFrom(end);
        if (gt <= html.length && html.charCodeAt(gt - 1) === 62 /* > */) {
          visit({ start: html.lastIndexOf('<', start - 1), end: gt, name: html.slice(start, end).toLowerCase(), closing: true });
        }
      },
      oncomment: other,
      oncdata: other,
      ondeclaration: other,
      onprocessinginstruction: other,
      ontext: () => {
        if (work) work.events++;
      },
      onattribdata: () => undefined,
      onattribentity: () => undefined,
      onattribend: () => undefined,
      onattribname: () => {
        if (work) work.events++;
      },
      ontextentity: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}
