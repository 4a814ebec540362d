import { t } from '../i18n/t';

/** The next part of a series, as the background offers it. */
export interface NextPart {
  title: string;
  url: string;
  label: string;
}

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
a { display: block; max-width: 320px; font: 600 14px/1.35 system-ui, sans-serif; color: #fff; background: #2f5bd3;
    padding: 10px 14px; border-radius: 10px; text-decoration: none; box-shadow: 0 6px 20px rgb(0 0 0 / .25); }
a:focus-visible { outline: 2px solid #ff8f1f; outline-offset: 2px; }
span { display: block; font-weight: 400; font-size: 12px; opacity: .9; }
button { position: absolute; top: -8px; right: -8px; width: 22px; height: 22px; border-radius: 50%; border: 0;
         background: #1b1f24; color: #fff; cursor: pointer; font: 14px/1 system-ui; }`;

/** Shows "Next in series: Part 4 →" in a closed shadow root, so page and extension styles never mix. */
export function showNextInSeries(doc: Document, next: NextPart): HTMLElement | undefined {
  if (!/^https?:\/\//i.test(next.url)) return undefined;
  const host = doc.createElement('partwise-next');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const link = doc.createElement('a');
  link.href = next.url;
  link.textContent = t('nextInSeriesLink', next.label);
  const title = doc.createElement('span');
  title.textContent = next.title;
  link.append(title);
  const close = doc.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', t('nextInSeriesHide'));
  close.textContent = '×';
  close.addEventListener('click', () => host.remove());
  root.append(style, link, close);
  doc.documentElement.append(host);
  return host;
}
