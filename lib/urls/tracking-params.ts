// Query parameters that only identify a campaign, a click or a subscriber; they
// never select different content, so two URLs differing only by them are the same article.
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // ad-click identifiers
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'twclid', 'ttclid', 'yclid',
  'li_fat_id', 'epik', 'srsltid', 'igshid', 's_kwcid', 'rdt_cid',
  // newsletters and marketing automation
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'ck_subscriber_id', '_bhlid', 'vero_id', 'vero_conv', 'oly_enc_id', 'oly_anon_id',
  'sc_cid', 'ml_subscriber', 'ml_subscriber_hash',
  // analytics hand-offs and referrers
  '_ga', '_gl', '_openstat', 'trk', 'trkcampaign', 'ref', 'ref_src', 'ref_url', 'referrer',
  'source', 'fb_action_ids', 'fb_action_types', 'fb_source', 'fb_ref', 'ncid', 'cmpid',
  'spm', '__twitter_impression', 'wt_mc', 'wt.mc_id', 'sr_share', 'share_source', 'rss_source',
]);

// Whole families of campaign parameters (utm_source, pk_campaign, mtm_medium, …).
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'itm_', 'hsa_', 'matomo_'];

/** True when a query parameter name (any case) only carries tracking data. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMS.has(lower)) return true;
  for (const prefix of TRACKING_PREFIXES) {
    if (lower.startsWith(prefix)) return true;
  }
  return false;
}
