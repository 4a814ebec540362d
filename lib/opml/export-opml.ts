import type { OpmlFeed } from './opml-types.ts';
import { escapeXml } from '../feeds/decode-entities';
import { t } from '../i18n/t';

/** A folder being assembled: its feeds and sub-folders in order of first appearance. */
interface Folder {
  items: (OpmlFeed | NamedFolder)[];
  folders: Map<string, NamedFolder>;
}
interface NamedFolder extends Folder {
  name: string;
}

const INDENT = '  ';

/**
 * Writes feeds as an OPML 2.0 document. Tags become nested folder outlines (first tag
 * outermost), so `parseOpml` reads the same feeds and tags back.
 */
export function exportOpml(feeds: readonly OpmlFeed[], options?: { title?: string; dateCreated?: Date }): string {
  const root = folderTree(feeds);
  const title = options?.title ?? t('opmlExportTitle');
  const date = options?.dateCreated ?? new Date();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `${INDENT}<head>`,
    `${INDENT}${INDENT}<title>${escapeXml(title)}</title>`,
    `${INDENT}${INDENT}<dateCreated>${escapeXml(date.toUTCString())}</dateCreated>`,
    `${INDENT}</head>`,
    `${INDENT}<body>`,
    ...folderLines(root, 2),
    `${INDENT}</body>`,
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}

function folderTree(feeds: readonly OpmlFeed[]): Folder {
  const root: Folder = { items: [], folders: new Map() };
  for (const feed of feeds) {
    let folder = root;
    for (const tag of folderPath(feed.tags)) folder = subFolder(folder, tag);
    folder.items.push(feed);
  }
  return root;
}

/** Tags as the importer will read them back: trimmed, non-empty, each once. */
function folderPath(tags: readonly string[]): string[] {
  const path: string[] = [];
  for (const tag of tags) {
    const name = tag.trim();
    if (name !== '' && !path.includes(name)) path.push(name);
  }
  return path;
}

function subFolder(parent: Folder, name: string): NamedFolder {
  let folder = parent.folders.get(name);
  if (folder === undefined) {
    folder = { name, items: [], folders: new Map() };
    parent.folders.set(name, folder);
    parent.items.push(folder);
  }
  return folder;
}

function folderLines(folder: Folder, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  for (const item of folder.items) {
    if ('feedUrl' in item) {
      lines.push(`${pad}<outline ${feedAttributes(item)}/>`);
    } else {
      const name = escapeXml(item.name);
      lines.push(`${pad}<outline text="${name}" title="${name}">`, ...folderLines(item, depth + 1), `${pad}</outline>`);
    }
  }
  return lines;
}

function feedAttributes(feed: OpmlFeed): string {
  const title = feed.title ?? '';
  if (feed.pageListing !== undefined) {
    // A page without a feed: no xmlUrl, so other readers skip it; Partwise reads the page again.
    const page: [string, string][] = [['type', 'html'], ['text', title]];
    if (title !== '') page.push(['title', title]);
    page.push(['htmlUrl', feed.feedUrl]);
    if (feed.pageListing !== '') page.push(['partwiseList', feed.pageListing]);
    return page.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ');
  }
  const attributes: [string, string][] = [['type', 'rss'], ['text', title]];
  if (title !== '') attributes.push(['title', title]);
  attributes.push(['xmlUrl', feed.feedUrl]);
  if (feed.siteUrl !== undefined) attributes.push(['htmlUrl', feed.siteUrl]);
  return attributes.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ');
}
