/**
 * Parser benchmark: lib/feeds `parseFeed` against feedsmith, rss-parser and a bare
 * fast-xml-parser `XMLParser.parse`, over the XML feeds of ../shared/corpus/perf-feeds, the same
 * strings for all, interleaved in one process (every round runs each parser on each file, in a
 * rotating order, so warm-up, GC and CPU frequency fall on all of them alike).
 *
 * Imported and run by scripts/bench.ts; on its own:
 *   npx tsx -e "import('./scripts/bench/parse.ts').then(m=>m.default())"
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { decodeBytes } from '../../lib/feeds/decode-bytes';
import { parseFeed } from '../../lib/feeds/parse';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = resolve(root, '..', 'shared', 'corpus', 'perf-feeds');

/** Wall-clock budget for the measured rounds (warm-up excluded). */
const BUDGET_MS = 30_000;
const MAX_ROUNDS = 8;

interface Contender {
  name: string;
  run: (xml: string) => unknown;
  async?: boolean;
  totalMs: number;
  failures: Set<string>;
}

/** Runs the parser benchmark and prints its lines (skipped without ../shared/corpus). */
export default async function benchParse(): Promise<void> {
  if (!existsSync(corpusDir)) {
    console.log(`bench:parse skipped: ${corpusDir} is absent (the shared corpus sits beside the repository).`);
    return;
  }
  const files = readdirSync(corpusDir)
    .filter((f) => !f.endsWith('.json'))
    .sort();
  const docs = files.map((file) => ({ file, xml: decodeBytes(new Uint8Array(readFileSync(resolve(corpusDir, file)))).text }));

  const bare = new XMLParser();
  const rss = new RssParser();
  const contenders: Contender[] = [
    { name: 'parseFeed (lib/feeds)', run: (xml) => parseFeed(xml), totalMs: 0, failures: new Set() },
    { name: 'feedsmith', run: (xml) => feedsmithParse(xml), totalMs: 0, failures: new Set() },
    { name: 'rss-parser', run: (xml) => rss.parseString(xml), async: true, totalMs: 0, failures: new Set() },
    { name: 'bare XMLParser.parse', run: (xml) => bare.parse(xml), totalMs: 0, failures: new Set() },
  ];

  const runOnce = async (c: Contender, doc: { file: string; xml: string }): Promise<number> => {
    const start = performance.now();
    try {
      const result = c.run(doc.xml);
      if (c.async) await result;
    } catch {
      c.failures.add(doc.file);
    }
    return performance.now() - start;
  };

  // Warm-up round: JIT and the failure lists (files a contender rejects are left out for all).
  for (const doc of docs) for (const c of contenders) await runOnce(c, doc);
  const failed = new Set(contenders.flatMap((c) => [...c.failures]));
  const measured = docs.filter((d) => !failed.has(d.file));
  const bytes = measured.reduce((sum, d) => sum + Buffer.byteLength(d.xml), 0);

  const started = performance.now();
  let rounds = 0;
  while (rounds < MAX_ROUNDS && (rounds < 2 || performance.now() - started < BUDGET_MS)) {
    for (let i = 0; i < measured.length; i++) {
      const doc = measured[i] as { file: string; xml: string };
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(i + k + rounds) % contenders.length] as Contender;
        c.totalMs += await runOnce(c, doc);
      }
    }
    rounds++;
  }

  const mbps = (c: Contender): number => (bytes * rounds) / 1e6 / (c.totalMs / 1000);
  const ours = contenders[0] as Contender;
  console.log(
    `Parser benchmark: ${measured.length} XML feeds of perf-feeds (${(bytes / 1e6).toFixed(1)} MB), ${rounds} interleaved rounds` +
      (failed.size ? `; left out: ${contenders.filter((c) => c.failures.size).map((c) => `${[...c.failures].join(', ')} (rejected by ${c.name})`).join('; ')}` : ''),
  );
  console.log(`  ${'parser'.padEnd(24)} ${'MB/s'.padStart(8)}  ${'time vs parseFeed'.padStart(18)}`);
  for (const c of contenders) {
    const ratio = c.totalMs / ours.totalMs;
    console.log(`  ${c.name.padEnd(24)} ${mbps(c).toFixed(1).padStart(8)}  ${(ratio.toFixed(2) + 'x').padStart(18)}`);
  }
  const bareC = contenders[3] as Contender;
  const fasterThanPeers = contenders.slice(1, 3).every((c) => c.totalMs > ours.totalMs);
  const withinBare = ours.totalMs <= 1.2 * bareC.totalMs;
  console.log(
    `  goal: faster than feedsmith and rss-parser: ${fasterThanPeers ? 'yes' : 'NO'}; ` +
      `within 1.2x of bare XMLParser.parse: ${withinBare ? 'yes' : 'NO'} (${(ours.totalMs / bareC.totalMs).toFixed(2)}x its time)`,
  );
}
