/**
 * The site of a web URL as Partwise grants access to it: `https://host`, without port (match
 * patterns ignore ports). Undefined for anything that is not an http(s) URL.
 */
export function webOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.protocol}//${url.hostname}` : undefined;
}
