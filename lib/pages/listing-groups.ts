/**
 * The groups of blocks a listing page may be made of, found in one pass over the tree: h-entry
 * microformats, sibling `<article>`s, and sibling blocks of the same shape, each scored from counts
 * gathered bottom-up (so finding them is linear in the page).
 */
import { classNamesOf, type ClassNames } from './class-names';
import { headingRank } from './read-listing-item';
import type { Text } from 'domhandler';
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

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);
const NEVER_BLOCKS = new Set(['script', 'style', 'link', 'meta', 'br', 'hr', 'img', 'picture', 'source', 'svg', 'input', 'button', 'option', 'select', 'iframe', 'template', 'noscript', 'head', 'title', 'path']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
// A post's block is small: a section holding a whole list is not one post, and reading it as one would
// cost the list's size again (so blocks beyond these are never candidates, which keeps extraction linear).
const MAX_BLOCK_LINKS = 12;
const MAX_BLOCK_ELEMENTS = 300;

function signature(element: Element): string {
  const id = element.attribs['id'];
  const tokens = [...classNamesOf(element).stable].sort().slice(0, 3);
  return `${element.name}${id && /^[a-z][a-z_-]*$/i.test(id) ? `#${id}` : ''}${tokens.map((t) => `.${t}`).join('')}`;
}

/** Length of `text` without its leading and trailing whitespace, without making a new string. */
function visibleLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return end - start;
}

// Node types compared directly: domhandler's `isTag`/`isText` cost two calls per node in this hot walk.
const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

function textFactor(averageText: number): number {
  if (averageText < 15) return 0.3;
  if (averageText < 40) return 0.7;
  return 1 + Math.min(averageText, 400) / 400;
}

/** Counts of a few blocks, as parallel arrays (a page has thousands of elements: no object each). */
interface BlockCounts {
  text: number[];
  links: number[];
  headings: number[];
}

/** Score of a group: repetition, share of blocks with a heading, text per block; chrome and link-heavy blocks penalized. */
function scoreOf(indices: readonly number[], counts: BlockCounts, chrome: boolean): number {
  let text = 0;
  let links = 0;
  let headed = 0;
  for (const i of indices) {
    text += counts.text[i]!;
    links += counts.links[i]!;
    if (counts.headings[i]! > 0) headed++;
  }
  const n = indices.length;
  const penalty = chrome ? 0.1 : 1;
  const linkHeavy = links / n > 6 ? 0.3 : 1;
  return n * (1 + headed / n) * textFactor(text / n) * penalty * linkHeavy;
}

/** Children of the same tag (by index), narrowed to the class most of them share (a post list's "year" rows stay out). */
function sameShape(children: readonly Element[], indices: readonly number[]): { kept: number[]; token?: string } {
  // Cards repeat one class string: each distinct one is tallied once, weighted by how many carry it.
  const carriers = new Map<ClassNames, number>();
  for (const i of indices) {
    const names = classNamesOf(children[i]!);
    carriers.set(names, (carriers.get(names) ?? 0) + 1);
  }
  const tally = new Map<string, number>();
  for (const [names, count] of carriers) for (const token of names.stableSet) tally.set(token, (tally.get(token) ?? 0) + count);
  let token: string | undefined;
  for (const [name, count] of tally) {
    const best = token === undefined ? -1 : tally.get(token)!;
    if (count > best || (count === best && (name.length < token!.length || (name.length === token!.length && name < token!)))) token = name;
  }
  if (token === undefined || tally.get(token)! < Math.max(2, indices.length / 2)) return { kept: [...indices] };
  return { kept: indices.filter((i) => classNamesOf(children[i]!).stableSet.has(token)), token };
}

function isEntry(element: Element): boolean {
  return classNamesOf(element).entry;
}

function isChrome(element: Element): boolean {
  return CHROME_TAGS.has(element.name) || CHROME_ROLES.has(element.attribs['role'] ?? '');
}

/** A group and where its parent stands in document order, to keep the order groups were found in. */
interface Found {
  group: BlockGroup;
  order: number;
  seq: number;
}

/**
 * One walk over the page, children before parents: running totals of visible text, links, headings
 * and elements (an element's counts are the totals' growth while it is walked, so nothing is stored
 * per element), the page's chrome passed down, outermost h-entries collected, and each parent's
 * sibling groups formed as soon as its children are counted.
 */
class PageWalk {
  text = 0;
  links = 0;
  headings = 0;
  elements = 0;
  order = 0;
  seq = 0;
  /** Nodes walked, for tests that prove the walk linear by counting it. */
  visited = 0;
  readonly found: Found[] = [];
  readonly entries: Element[] = [];
  readonly entryCounts: BlockCounts = { text: [], links: [], headings: [] };

  /** Walks `parent`'s children, then forms its sibling groups unless it is hidden. */
  children(parent: Element | Document, order: number, chrome: boolean, inEntry: boolean, hidden: boolean): void {
    let eligible: Element[] | undefined;
    let counts: BlockCounts | undefined;
    for (const child of parent.children) {
      this.visited++;
      if (child.type === 'text') {
        this.text += visibleLength((child as Text).data);
        continue;
      }
      if (!isElement(child)) continue;
      const text = this.text;
      const links = this.links;
      const headings = this.headings;
      const elements = this.elements;
      this.element(child, chrome || isChrome(child), inEntry);
      if (hidden || NEVER_BLOCKS.has(child.name)) continue;
      const ownLinks = this.links - links;
      if (ownLinks === 0 || ownLinks > MAX_BLOCK_LINKS || this.elements - elements > MAX_BLOCK_ELEMENTS) continue;
      if (!eligible || !counts) {
        eligible = [];
        counts = { text: [], links: [], headings: [] };
      }
      eligible.push(child);
      counts.text.push(this.text - text);
      counts.links.push(ownLinks);
      counts.headings.push(this.headings - headings);
    }
    // Most elements hold at most one linked child: nothing to group, nothing more to allocate.
    if (eligible && counts && eligible.length >= 2) this.group(parent, order, chrome, eligible, counts);
  }

  element(element: Element, chrome: boolean, inEntry: boolean): void {
    const order = this.order++;
    let entry = -1;
    if (!inEntry && isEntry(element)) {
      inEntry = true;
      if (!chrome) entry = this.entries.push(element) - 1;
    }
    const hidden = HIDDEN.has(element.name);
    const text = this.text;
    const links = this.links;
    const headings = this.headings;
    const elements = this.elements;
    this.elements++;
    if (!hidden) {
      if (element.name === 'a' && element.attribs['href']) this.links++;
      if (headingRank(element) > 0) this.headings++;
    }
    this.children(element, order, chrome, inEntry, hidden);
    if (hidden) {
      // A hidden element counts for nothing in its ancestors (its own children are still grouped).
      this.text = text;
      this.links = links;
      this.headings = headings;
      this.elements = elements;
    }
    if (entry >= 0) {
      this.entryCounts.text[entry] = this.text - text;
      this.entryCounts.links[entry] = this.links - links;
      this.entryCounts.headings[entry] = this.headings - headings;
    }
  }

  group(parent: Element | Document, order: number, chrome: boolean, eligible: Element[], counts: BlockCounts): void {
    const byTag = new Map<string, number[]>();
    for (let i = 0; i < eligible.length; i++) {
      const name = eligible[i]!.name;
      const list = byTag.get(name);
      if (list) list.push(i);
      else byTag.set(name, [i]);
    }
    let parentKey: string | undefined;
    for (const [tag, indices] of byTag) {
      const minimum = tag === 'article' ? 2 : 3;
      if (indices.length < minimum) continue;
      const { kept, token } = sameShape(eligible, indices);
      if (kept.length < minimum) continue;
      parentKey ??= parent.type === 'root' ? '' : signature(parent as Element);
      const first = eligible[kept[0]!]!;
      const group: BlockGroup = {
        key: `${parentKey}>${tag}${token ? `.${token}` : ''}`,
        kind: tag === 'article' ? 'articles' : 'blocks',
        blocks: kept.map((i) => eligible[i]!),
        score: scoreOf(kept, counts, chrome || isChrome(first)),
      };
      this.found.push({ group, order, seq: this.seq++ });
    }
  }
}

const KIND_ORDER: Record<ListingKind, number> = { microformats: 0, articles: 1, blocks: 2 };

/** Every group of blocks that may be a list of posts, microformats first, then articles, then blocks by score. */
export function listingGroups(document: Document, work?: { nodes: number }): BlockGroup[] {
  const walk = new PageWalk();
  walk.children(document, -1, false, false, false);
  if (work) work.nodes += walk.visited;
  const found = walk.found.sort((a, b) => KIND_ORDER[a.group.kind] - KIND_ORDER[b.group.kind] || b.group.score - a.group.score || a.order - b.order || a.seq - b.seq);
  const groups = found.map((f) => f.group);
  if (walk.entries.length >= 2) {
    const all = walk.entries.map((_, i) => i);
    groups.unshift({ key: 'h-entry', kind: 'microformats', blocks: walk.entries, score: scoreOf(all, walk.entryCounts, false) });
  }
  return groups;
}
