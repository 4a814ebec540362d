// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showNextInSeries } from './next-in-series-link';

const NEXT = { title: 'Series – Part 2', url: 'https://blog.test/posts/part-2/', label: 'Part 2' };

/** Shows the link and returns its closed shadow root, caught as it is attached. */
function shownRoot(): ShadowRoot | undefined {
  const attach = Element.prototype.attachShadow;
  let root: ShadowRoot | undefined;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  showNextInSeries(document, NEXT);
  return root;
}

describe('showNextInSeries', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.querySelectorAll('partwise-next').forEach((host) => host.remove());
  });

  it('links the next part in words from _locales, with a button to hide it', () => {
    const root = shownRoot();
    expect(root?.querySelector('a')?.textContent).toBe('Next in series: Part 2 →Series – Part 2');
    expect(root?.querySelector('button')?.getAttribute('aria-label')).toBe('Hide');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x'])('shows nothing for %s', (url) => {
    expect(showNextInSeries(document, { ...NEXT, url })).toBeUndefined();
    expect(document.querySelector('partwise-next')).toBeNull();
  });
});
