// AMP viewers that wrap the publisher's URL inside their own path.
const GOOGLE_AMP_VIEWER = /^(?:www\.)?google\.[a-z.]{2,12}$/;
const AMP_CACHE_SUFFIX = '.cdn.ampproject.org';
const AMP_QUERY_VALUES: ReadonlySet<string> = new Set(['', '1', 'true']);

/**
 * The non-AMP URL of an AMP page (`/amp`, `/amp/` suffix or prefix, `?amp=1`, `?amp`,
 * `.amp.html`, `amp.` host, Google AMP viewer/cache), or null when `url` is not AMP.
 */
export function stripAmpVariant(url: URL): URL | null {
  const unwrapped = unwrapAmpCache(url);
  const result = new URL((unwrapped ?? url).href);
  const changedHost = stripAmpHost(result);
  const changedPath = stripAmpPath(result);
  const changedQuery = stripAmpQuery(result);
  return unwrapped !== null || changedHost || changedPath || changedQuery ? result : null;
}

/** google.com/amp/s/example.com/x and example-com.cdn.ampproject.org/c/s/example.com/x. */
function unwrapAmpCache(url: URL): URL | null {
  let rest: string | null = null;
  if (GOOGLE_AMP_VIEWER.test(url.hostname) && url.pathname.startsWith('/amp/')) {
    rest = url.pathname.slice('/amp/'.length);
  } else if (url.hostname.endsWith(AMP_CACHE_SUFFIX)) {
    const match = /^\/[cvi]\/(.+)$/.exec(url.pathname);
    rest = match?.[1] ?? null;
  }
  if (rest === null) return null;
  const secure = rest.startsWith('s/');
  const target = `${secure ? 'https' : 'http'}://${secure ? rest.slice(2) : rest}${url.search}`;
  try {
    return new URL(target);
  } catch {
    return null; // a viewer URL that wraps garbage simply has no publisher variant
  }
}

function stripAmpHost(url: URL): boolean {
  const host = url.hostname;
  // amp.theguardian.com → theguardian.com, but never leave a bare TLD behind.
  if (!host.startsWith('amp.') || host.indexOf('.', 4) === -1) return false;
  url.hostname = host.slice(4);
  return true;
}

function stripAmpPath(url: URL): boolean {
  const segments = url.pathname.split('/');
  const trailingSlash = segments[segments.length - 1] === '';
  if (trailingSlash) segments.pop();
  let changed = false;
  // segments[0] is the empty text before the leading slash; require a real article
  // segment to remain so `/amp` alone is not turned into the home page.
  if (segments.length > 2 && segments[segments.length - 1] === 'amp') {
    segments.pop();
    changed = true;
  }
  if (segments.length > 2 && segments[1] === 'amp') {
    segments.splice(1, 1);
    changed = true;
  }
  const last = segments[segments.length - 1] ?? '';
  if (last.endsWith('.amp.html')) {
    segments[segments.length - 1] = `${last.slice(0, -'.amp.html'.length)}.html`;
    changed = true;
  } else if (last.length > 4 && last.endsWith('.amp')) {
    segments[segments.length - 1] = last.slice(0, -'.amp'.length);
    changed = true;
  }
  if (changed) url.pathname = segments.join('/') + (trailingSlash ? '/' : '');
  return changed;
}

function stripAmpQuery(url: URL): boolean {
  const params = url.searchParams;
  let changed = false;
  const amp = params.get('amp');
  if (amp !== null && AMP_QUERY_VALUES.has(amp.toLowerCase())) {
    params.delete('amp');
    changed = true;
  }
  if (params.get('outputType')?.toLowerCase() === 'amp') {
    params.delete('outputType');
    changed = true;
  }
  // Touching searchParams re-serialises the query with `+` for spaces; only do it
  // when something was removed, and the key normaliser treats both spellings alike.
  return changed;
}
