/** When a visit counts as reading: at once, after some visible seconds, or at the article's end. */
export interface ReadingRule {
  mode: 'visit' | 'dwell' | 'scroll';
  dwellSeconds: number;
}

/** Resolves once the page has been visible for `seconds` in total (hidden time does not count). */
export function waitForVisibleTime(doc: Document, seconds: number): Promise<void> {
  return new Promise((done) => {
    let remaining = seconds * 1000;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      startedAt = Date.now();
      timer = setTimeout(finish, remaining);
    };
    const pause = () => {
      clearTimeout(timer);
      remaining -= Date.now() - startedAt;
    };
    const onVisibility = () => (doc.visibilityState === 'visible' ? start() : pause());
    const finish = () => {
      doc.removeEventListener('visibilitychange', onVisibility);
      done();
    };
    doc.addEventListener('visibilitychange', onVisibility);
    if (doc.visibilityState === 'visible') start();
  });
}

/** The element whose end means "read to the end": the article, the main content, or the body. */
function articleEnd(doc: Document): Element {
  const article = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const marker = doc.createElement('span');
  marker.setAttribute('aria-hidden', 'true');
  article.append(marker);
  return marker;
}

/** Resolves when the end of the article scrolls into view. */
export function waitForArticleEnd(doc: Document): Promise<void> {
  return new Promise((done) => {
    const end = articleEnd(doc);
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      end.remove();
      done();
    });
    observer.observe(end);
  });
}

/** Waits until the visit counts as reading under the user's rule. */
export function waitForReading(doc: Document, rule: ReadingRule): Promise<void> {
  if (rule.mode === 'dwell') return waitForVisibleTime(doc, rule.dwellSeconds);
  if (rule.mode === 'scroll') return waitForArticleEnd(doc);
  return Promise.resolve();
}
