import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date';

describe('parseDate', () => {
  it.each<[string, string | undefined]>([
    // RFC 822 / 1123 and the deviations real feeds publish
    ['Mon, 11 May 2026 14:25:46 +0000', '2026-05-11T14:25:46Z'],
    ['Mon, 11 May 2026 14:25:46 GMT', '2026-05-11T14:25:46Z'],
    ['11 May 2026 14:25:46 +0200', '2026-05-11T12:25:46Z'], // no weekday
    ['Mon, 11 May 2026 14:25 +0000', '2026-05-11T14:25:00Z'], // no seconds
    ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21Z'], // two-digit year
    ['Sat, 1 Mar 99 04:05:06 UT', '1999-03-01T04:05:06Z'], // two-digit year, last century; single-digit day
    ['Tue, 5 September 2023 10:00:00 PST', '2023-09-05T18:00:00Z'], // full month name
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 EDT', '2002-10-02T12:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 CST', '2002-10-02T14:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 PDT', '2002-10-02T15:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 Z', '2002-10-02T08:00:00Z'],
    ['Wed, 02 Oct 2002 08:00:00 A', '2002-10-02T09:00:00Z'], // military letter (RFC 822: A = -1)
    ['Wed, 02 Oct 2002 08:00:00 N', '2002-10-02T07:00:00Z'], // military letter (RFC 822: N = +1)
    ['Wed, 19 Feb 2012 22:40:00 GMT-01:01', '2012-02-19T23:41:00Z'],
    ['Mon, 13 Feb, 2012 06:28:00 UTC', '2012-02-13T06:28:00Z'], // extra comma
    ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36Z'],
    ['Thu, 01 Jan 2004', '2004-01-01T00:00:00Z'], // no time
    ['Thu Aug 30 2012 17:26:16 +0200', '2012-08-30T15:26:16Z'], // JavaScript's Date#toString
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06Z'], // asctime
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00Z'], // RSS 0.9x: time without a colon
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40Z'], // Portuguese names
    ['Mon, 11 May 2026 02:25:46 PM GMT', '2026-05-11T14:25:46Z'],
    // ISO 8601 / RFC 3339 / W3C-DTF
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31T18:14:55+08:00', '2003-12-31T10:14:55Z'],
    ['2007-04-23T23:25:47.538+10:00', '2007-04-23T13:25:47Z'],
    ['2004-07-08 23:56:58 -00:20', '2004-07-09T00:16:58Z'],
    ['2026-05-11T14:25:46+0530', '2026-05-11T08:55:46Z'],
    ['2026-05-11T14:25:46', '2026-05-11T14:25:46Z'], // no zone: UTC
    ['2026-05-11T14:25', '2026-05-11T14:25:00Z'],
    ['2026-05-11', '2026-05-11T00:00:00Z'], // W3C-DTF partial dates
    ['2003-12', '2003-12-01T00:00:00Z'],
    ['2003', '2003-01-01T00:00:00Z'],
    ['20260511T142546Z', '2026-05-11T14:25:46Z'], // basic format
    ['2020/1/10 14:33:00', '2020-01-10T14:33:00Z'],
    ['2004-02-28T18:14:55-08:00', '2004-02-29T02:14:55Z'], // leap year
    // Never invented
    ['', undefined],
    ['not a date', undefined],
    ['Sun, 16 Dec 2012 1:2:3:4 GMT', undefined],
    ['Sun, 16 zzz 2012 11:47:32 GMT', undefined],
    ['Sun, 99 Jun 2009 12:00:00 GMT', undefined],
    ['Sun, 16 Dec 2012 11:47:32 +zz:00', undefined],
    ['2013-01-28T09:xx:00Z', undefined],
    ['2013-01-27-01', undefined],
    ['9999-12-31T23:59:59-99:99', undefined],
    ['2023-02-29', undefined],
    ['013', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('accepts null and undefined', () => {
    expect(parseDate(undefined)).toBeUndefined();
    expect(parseDate(null)).toBeUndefined();
  });
});
