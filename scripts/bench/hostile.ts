/**
 * Hostile-input benchmark: the shapes that once made the feed engine and discovery super-linear
 * (issue 13), each built at 256 KB and at 2 MB and timed per MB. A linear scan costs the same per
 * MB at both sizes: the printed ratio (2 MB per-MB time over 256 KB per-MB time) stays near 1,
 * where a quadratic one would be near 8.
 *
 * Imported and run by scripts/bench.ts (`npm run bench hostile`).
 */
import { performance } from 'node:perf_hooks';
import { findFeedLinks } from '../../lib/feeds/discover';
import { parseFeed } from '../../lib/feeds/parse';
import { htmlToText } from '../../lib/feeds/text';

const SMALL = 256 * 1024;
const LARGE = 2 * 1024 * 1024;
const PAGE = 'https://blog.example.com/';

interface Shape {
  name: string;
  unit: string;
  /** The whole input around `repeated` (the unit repeated to the size). */
  build: (repeated: string) => string;
  run: (input: string) => unknown;
}

const feedWith = (description: string) => `<rss><channel><title>t</title><description>${description}</description><item><title>a</title></item></channel></rss>`;

const SHAPES: Shape[] = [
  { name: 'feed: channel description of &lt;!a', unit: '&lt;!a', build: feedWith, run: (x) => parseFeed(x, { details: true }) },
  { name: 'feed: item body of unclosed <a ', unit: '&lt;a ', build: (r) => `<rss><channel><title>t</title><item><title>a</title><description>${r}</description></item></channel></rss>`, run: (x) => parseFeed(x) },
  { name: 'html to text: <!a', unit: '<!a', build: (r) => r, run: (x) => htmlToText(x) },
  { name: 'title stripping: unclosed <a b="', unit: '<a b="', build: (r) => r, run: (x) => htmlToText(x, { knownOnly: true }) },
  { name: 'discovery: unclosed <a ', unit: '<a ', build: (r) => r, run: (x) => findFeedLinks(PAGE, x) },
  { name: 'discovery: unclosed <link', unit: '<link', build: (r) => r, run: (x) => findFeedLinks(PAGE, x) },
  { name: 'discovery: deep nesting', unit: '<div><span>', build: (r) => r, run: (x) => findFeedLinks(PAGE, x) },
];

function inputOf(shape: Shape, bytes: number): string {
  return shape.build(shape.unit.repeat(Math.ceil(bytes / shape.unit.length)));
}

// Fastest of a few runs of each input, the sizes interleaved so load and GC fall on both alike:
// on a shared machine the minimum is the least noisy estimate.
function fastest(runs: number, ...work: (() => unknown)[]): number[] {
  const best = work.map(() => Infinity);
  for (let r = 0; r <= runs; r++) {
    work.forEach((run, i) => {
      const start = performance.now();
      run();
      if (r > 0) best[i] = Math.min(best[i] as number, performance.now() - start);
    });
  }
  return best;
}

/** Prints ms per MB at 256 KB and 2 MB for each hostile shape, and their ratio. */
export default async function benchHostile(): Promise<void> {
  console.log('Hostile input: ms per MB at 256 KB and 2 MB (ratio near 1: linear; near 8: quadratic)');
  console.log(`  ${'shape'.padEnd(40)} ${'256 KB'.padStart(10)} ${'2 MB'.padStart(10)} ${'ratio'.padStart(7)}`);
  let worst = 0;
  for (const shape of SHAPES) {
    const small = inputOf(shape, SMALL);
    const large = inputOf(shape, LARGE);
    const [smallMs, largeMs] = fastest(5, () => shape.run(small), () => shape.run(large)) as [number, number];
    const perMbSmall = smallMs / (small.length / 1048576);
    const perMbLarge = largeMs / (large.length / 1048576);
    const ratio = perMbLarge / perMbSmall;
    worst = Math.max(worst, ratio);
    console.log(`  ${shape.name.padEnd(40)} ${perMbSmall.toFixed(1).padStart(10)} ${perMbLarge.toFixed(1).padStart(10)} ${(ratio.toFixed(2) + 'x').padStart(7)}`);
  }
  console.log(`  worst ratio ${worst.toFixed(2)}x (linear: near 1x; discovery reads only a page's first 512 KB, so its cost per MB falls)`);
  await Promise.resolve();
}
