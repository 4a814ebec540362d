import { describe, expect, it } from 'vitest';
import { elementsOf, MAX_DEPTH, parseHtml, textOf, type AnyNode } from './parse-html';

function depthOf(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('parseHtml', () => {
  it.each([
    ['entities decoded', '<p>Tom &amp; Jerry&rsquo;s</p>', 'Tom & Jerry’s'],
    ['script and style hidden', '<div>a<script>var x = "<b>"</script><style>p{}</style>b</div>', 'ab'],
    ['upper-case tags', '<P>One<BR>Two</P>', 'OneTwo'],
    ['unclosed tags', '<ul><li>one<li>two</ul>', 'onetwo'],
  ])('%s', (_name, html, text) => {
    expect(textOf(parseHtml(html))).toBe(text);
  });

  it('lists elements in document order', () => {
    const names = [...elementsOf(parseHtml('<div><h2>a</h2><ol><li><a href="x">b</a></li></ol></div><p>c</p>'))].map((el) => el.name);
    expect(names).toEqual(['div', 'h2', 'ol', 'li', 'a', 'p']);
  });

  it.each([
    ['<div>', 100_000],
    ['<span>', 100_000],
    ['<section><a href=x>', 50_000],
  ])('bounds nesting on %s repeated %i times, so each tag costs at most MAX_DEPTH steps', (unit, count) => {
    const doc = parseHtml(unit.repeat(count));
    expect(depthOf(doc)).toBeLessThanOrEqual(MAX_DEPTH);
    // Nothing is dropped: every element is still in the tree.
    expect([...elementsOf(doc)].length).toBe(count * (unit.match(/</g)?.length ?? 1));
  });
});
