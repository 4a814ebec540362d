import { t } from './t';

/** A size limit in words: whole megabytes from 1 MB on, else kilobytes (never "0 KB"). */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return t('sizeMegabytes', Math.round(bytes / (1024 * 1024)).toLocaleString());
  return t('sizeKilobytes', Math.max(1, Math.round(bytes / 1024)).toLocaleString());
}
