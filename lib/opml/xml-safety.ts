import { t } from '../i18n/t';
import { OpmlError } from './opml-error.ts';

/**
 * Refuses entity declarations and DOCTYPE internal subsets, the vehicles of XXE and
 * "billion laughs" attacks; a bare `<!DOCTYPE opml>` is harmless and allowed.
 */
export function assertNoEntityDeclarations(text: string): void {
  if (text.includes('<!ENTITY')) throw new OpmlError('malformed', t('opmlErrorEntities'), { detail: '<!ENTITY> declaration' });
  for (let at = text.indexOf('<!DOCTYPE'); at !== -1; at = text.indexOf('<!DOCTYPE', at + 9)) {
    if (hasInternalSubset(text, at + 9)) {
      throw new OpmlError('malformed', t('opmlErrorEntities'), { detail: '<!DOCTYPE> with an internal subset' });
    }
  }
}

/** True when the DOCTYPE starting before `from` opens a `[` subset before its closing `>`. */
function hasInternalSubset(text: string, from: number): boolean {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      return true;
    } else if (char === '>') {
      return false;
    }
  }
  return false;
}
