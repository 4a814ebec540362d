import type { CDPSession } from 'playwright-core';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function text(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(text).join('');
}

function collect(node: DomNode, inShadow: boolean, found: { href: string; text: string }[]): void {
  if (inShadow && node.nodeName === 'A') {
    const attributes = node.attributes ?? [];
    const href = attributes[attributes.indexOf('href') + 1] ?? '';
    found.push({ href, text: text(node) });
  }
  for (const child of node.children ?? []) collect(child, inShadow, found);
  for (const root of node.shadowRoots ?? []) collect(root, true, found);
}

/** Links inside shadow roots (closed ones too), read through the DevTools protocol as a user agent would see them. */
export async function shadowAnchors(session: CDPSession): Promise<{ href: string; text: string }[]> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: { href: string; text: string }[] = [];
  collect(root, false, found);
  return found;
}
