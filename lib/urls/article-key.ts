import { canonicalPathSegment, canonicalQueryComponent, decodeQueryComponent } from './percent-encoding.ts';
import { isTrackingParam } from './tracking-params.ts';

// Directory index files that servers return for the directory URL itself.
const INDEX_FILES: ReadonlySet<string> = new Set(['index.html', 'index.htm', 'index.php']);

/**
 * Matching key of an already parsed http(s) URL: `host[:port]/path[?query]`, without
 * scheme, `www.`, default ports, fragment, tracking parameters or a trailing slash.
 */
export function articleKeyFromUrl(url: URL): string {
  return `${canonicalHost(url)}${canonicalPath(url.pathname)}${canonicalQuery(url.search)}`;
}

function canonicalHost(url: URL): string {
  let host = url.hostname; // already lower-cased and punycoded by the URL parser
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('www.')) host = host.slice(4);
  // http and https are one site here, so either scheme's default port is noise.
  const port = url.port === '80' || url.port === '443' ? '' : url.port;
  return port ? `${host}:${port}` : host;
}

function canonicalPath(pathname: string): string {
  const segments = pathname.split('/').map(canonicalPathSegment);
  // segments[0] is the empty text before the leading slash.
  while (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  const last = segments[segments.length - 1];
  if (segments.length > 1 && last !== undefined && INDEX_FILES.has(last.toLowerCase())) segments.pop();
  while (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments.length > 1 ? segments.join('/') : '/';
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const params: { name: string; pair: string }[] = [];
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    if (isTrackingParam(decodeQueryComponent(rawName))) continue;
    const name = canonicalQueryComponent(rawName);
    const value = canonicalQueryComponent(rawValue);
    // `?a` and `?a=` mean the same to every server framework we know of.
    params.push({ name, pair: value === '' ? name : `${name}=${value}` });
  }
  if (params.length === 0) return '';
  // Stable sort by name only: repeated names (`?tag=a&tag=b`) keep their order,
  // which some servers treat as meaningful.
  params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `?${params.map((p) => p.pair).join('&')}`;
}
