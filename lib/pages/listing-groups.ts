/**
 * The groups of blocks a listing page may be made of, found in one pass over the tree: h-entry
 * microformats, sibling `<article>`s, and sibling blocks of the same shape, each scored from counts
 * gathered bottom-up (so finding them is linear in the page).
 */
import { isTag, isText } from 'domhandler';
import { headingRank } from './read-listing-item';
import type { AnyNode, Document, Element } from './parse-html';

/** What kind of evidence made a group, strongest first. */
export type ListingKind = 'microformats' | 'articles' | 'blocks';

/** Blocks that may each hold one post, with a score from their shape. */
export interface BlockGroup {
  /** Stable name of the group on this page, to find it again on the next fetch. */
  key: string;
  kind: ListingKind;
  blocks: Element[];
  score: number;
}

interface Counts {
  text: number;
  links: number;
  headings: number;
  elements: number;
}

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);
const NEVER_BLOCKS = new Set(['script', 'style', 'link', 'meta', 'br', 'hr', 'img', 'picture', 'source', 'svg', 'input', 'button', 'option', 'select', 'iframe', 'template', 'noscript', 'head', 'title', 'path']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
const ZERO: Counts = { text: 0, links: 0, headings: 0, elements: 0 };
// A post's block is small: a section holding a whole list is not one post, and reading it as one would
// cost the list's size again (so blocks beyond these are never candidates, which keeps extraction linear).
const MAX_BLOCK_LINKS = 12;
const MAX_BLOCK_ELEMENTS = 300;

/** A class name that names a shape ("post-card"), not an instance or a utility ("post-42", "mt-4"). */
function stableTokens(element: Element): string[] {
  const value = element.attribs['class'];
  if (!value) return [];
  return value.split(/\s+/).filter((token) => token.length > 0 && token.length <= 40 && /^[a-z][a-z_-]*$/i.test(token));
}

function signature(element: Element): string {
  const id = element.attribs['id'];
  const tokens = stableTokens(element).sort().slice(0, 3);
  return `${element.name}${id && /^[a-z][a-z_-]*$/i.test(id) ? `#${id}` : ''}${tokens.map((t) => `.${t}`).join('')}`;
}

/** Every element in document order (an array: the passes below read it forwards and backwards). */
function allElements(document: Document): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== document && isTag(node)) out.push(node);
    if (isTag(node) || node === document) {
      const children = (node as Element | Document).children;
      for (let i = children.length - 1; i >= 0; i--) if (isTag(children[i]!)) stack.push(children[i]!);
    }
  }
  return out;
}

/** Length of `text` without its leading and trailing whitespace, without making a new string. */
function visibleLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return end - start;
}

/** Counts of visible text, links and headings under every element, children before parents. */
function countAll(elements: readonly Element[]): Map<Element, Counts> {
  const counts = new Map<Element, Counts>();
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    if (HIDDEN.has(element.name)) {
      counts.set(element, ZERO);
      continue;
    }
    const own: Counts = { text: 0, links: element.name === 'a' && element.attribs['href'] ? 1 : 0, headings: headingRank(element) > 0 ? 1 : 0, elements: 1 };
    for (const child of element.children) {
      if (isText(child)) own.text += visibleLength(child.data);
      else if (isTag(child)) {
        const sub = counts.get(child) ?? ZERO;
        own.text += sub.text;
        own.links += sub.links;
        own.headings += sub.headings;
        own.elements += sub.elements;
      }
    }
    counts.set(element, own);
  }
  return counts;
}

/** Elements that sit in the page's navigation, header, footer or sidebar (parents before children, so one pass). */
function chromeOf(elements: readonly Element[]): Set<Element> {
  const chrome = new Set<Element>();
  for (const element of elements) {
    const parent = element.parent;
    if ((parent && isTag(parent) && chrome.has(parent)) || CHROME_TAGS.has(element.name) || CHROME_ROLES.has(element.attribs['role'] ?? '')) chrome.add(element);
  }
  return chrome;
}

/** What a pass over the page gathered, for scoring groups. */
interface PageFacts {
  counts: Map<Element, Counts>;
  chrome: Set<Element>;
}

function textFactor(averageText: number): number {
  if (averageText < 15) return 0.3;
  if (averageText < 40) return 0.7;
  return 1 + Math.min(averageText, 400) / 400;
}

/** Score of a group: repetition, share of blocks with a heading, text per block; chrome and link-heavy blocks penalized. */
function scoreOf(blocks: readonly Element[], { counts, chrome }: PageFacts): number {
  let text = 0;
  let links = 0;
  let headed = 0;
  for (const block of blocks) {
    const c = counts.get(block) ?? ZERO;
    text += c.text;
    links += c.links;
    if (c.headings > 0) headed++;
  }
  const n = blocks.length;
  const penalty = blocks[0] && chrome.has(blocks[0]) ? 0.1 : 1;
  const linkHeavy = links / n > 6 ? 0.3 : 1;
  return n * (1 + headed / n) * textFactor(text / n) * penalty * linkHeavy;
}

/** Children of the same tag, narrowed to the class most of them share (a post list's "year" rows stay out). */
function sameShape(children: readonly Element[]): { blocks: Element[]; token?: string } {
  const tokens = children.map((child) => new Set(stableTokens(child)));
  const tally = new Map<string, number>();
  for (const set of tokens) for (const token of set) tally.set(token, (tally.get(token) ?? 0) + 1);
  let token: string | undefined;
  for (const [name, count] of tally) {
    const best = token === undefined ? -1 : tally.get(token)!;
    if (count > best || (count === best && (name.length < token!.length || (name.length === token!.length && name < token!)))) token = name;
  }
  if (token === undefined || tally.get(token)! < Math.max(2, children.length / 2)) return { blocks: [...children] };
  return { blocks: children.filter((_, i) => tokens[i]!.has(token)), token };
}

function siblingGroups(parent: Element | Document, facts: PageFacts, groups: BlockGroup[]): void {
  const { counts } = facts;
  const eligible: Element[] = [];
  for (const child of parent.children) {
    if (!isTag(child) || NEVER_BLOCKS.has(child.name)) continue;
    const own = counts.get(child) ?? ZERO;
    if (own.links > 0 && own.links <= MAX_BLOCK_LINKS && own.elements <= MAX_BLOCK_ELEMENTS) eligible.push(child);
  }
  // Most elements hold at most one linked child: nothing to group, nothing more to allocate.
  if (eligible.length < 2) return;
  const byTag = new Map<string, Element[]>();
  for (const child of eligible) {
    const list = byTag.get(child.name);
    if (list) list.push(child);
    else byTag.set(child.name, [child]);
  }
  const parentKey = isTag(parent) ? signature(parent) : '';
  for (const [tag, children] of byTag) {
    const minimum = tag === 'article' ? 2 : 3;
    if (children.length < minimum) continue;
    const { blocks, token } = sameShape(children);
    if (blocks.length < minimum) continue;
    groups.push({
      key: `${parentKey}>${tag}${token ? `.${token}` : ''}`,
      kind: tag === 'article' ? 'articles' : 'blocks',
      blocks,
      score: scoreOf(blocks, facts),
    });
  }
}

function isEntry(element: Element): boolean {
  const value = element.attribs['class'];
  return value !== undefined && value.includes('entry') && stableTokens(element).some((token) => token === 'h-entry' || token === 'hentry');
}

/** Outermost h-entry/hentry elements outside the page's chrome. */
function microformatGroup(elements: readonly Element[], facts: PageFacts): BlockGroup | undefined {
  // Elements inside an entry, parents first, so nested entries (comments) are skipped in one pass.
  const inside = new Set<Element>();
  const entries: Element[] = [];
  for (const element of elements) {
    const parent = element.parent;
    if (parent && isTag(parent) && inside.has(parent)) {
      inside.add(element);
      continue;
    }
    if (!isEntry(element)) continue;
    inside.add(element);
    if (!facts.chrome.has(element)) entries.push(element);
  }
  if (entries.length < 2) return undefined;
  return { key: 'h-entry', kind: 'microformats', blocks: entries, score: scoreOf(entries, facts) };
}

const KIND_ORDER: Record<ListingKind, number> = { microformats: 0, articles: 1, blocks: 2 };

/** Every group of blocks that may be a list of posts, microformats first, then articles, then blocks by score. */
export function listingGroups(document: Document): BlockGroup[] {
  const elements = allElements(document);
  const facts: PageFacts = { counts: countAll(elements), chrome: chromeOf(elements) };
  const groups: BlockGroup[] = [];
  const microformats = microformatGroup(elements, facts);
  if (microformats) groups.push(microformats);
  siblingGroups(document, facts, groups);
  for (const element of elements) if (!HIDDEN.has(element.name) && element.children.length >= 2) siblingGroups(element, facts, groups);
  return groups.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score);
}
