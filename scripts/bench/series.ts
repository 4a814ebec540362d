/**
 * Benchmark of `assignSeries` on 10,000 synthetic posts against a baseline measured in the same run
 * (lowercasing and splitting every title), reported as medians and their ratio.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { assignSeries, type SeriesInput } from '../../lib/series/assign';

const POSTS = 10_000;
const RUNS = 9;

const TOPICS = ['Rust Async', 'Kubernetes the Hard Way', 'Modern Python', 'Home Lab', 'Postgres Internals', 'Game Boy Emulator', 'Type Systems', 'Vim Tricks'];
const PLAIN = ['Notes on', 'Why I moved to', 'Announcing', 'Top 10 tips for', 'A quick look at', 'Go 1.22 and', 'Debugging', 'Thoughts on'];
const SUBJECTS = ['observability', 'caching', 'WebAssembly', 'HTTP/2', 'CI pipelines', 'Windows 11', 'SQLite', 'feature flags'];

/** Deterministic synthetic feed: about a third series posts in varied notations, the rest standalone titles. */
function syntheticPosts(n: number): SeriesInput[] {
  let seed = 42;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const topic = `${TOPICS[rand(TOPICS.length)] ?? ''} ${rand(40)}`;
    const part = 1 + rand(12);
    const subject = SUBJECTS[rand(SUBJECTS.length)] ?? '';
    const forms = [
      `${topic} – Part ${part}: ${subject}`,
      `${topic} #${part}: ${subject}`,
      `${topic} (${part}/12)`,
      `Part ${part}: ${topic}`,
      `${part} - ${topic} - ${subject}`,
    ];
    const series = rand(3) === 0;
    const title = series ? (forms[rand(forms.length)] ?? '') : `${PLAIN[rand(PLAIN.length)] ?? ''} ${subject} (${2000 + rand(27)})`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { id: `post-${i}`, title, url: `https://blog.example/${2020 + rand(6)}/${slug}/`, published: new Date(1.6e12 + i * 3.6e6).toISOString() };
  });
}

function median(f: () => void): number {
  f();
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? NaN;
}

/** Prints the median time of assignSeries on 10,000 synthetic posts and its ratio to a title-splitting baseline. */
export default async function benchSeries(): Promise<void> {
  const posts = syntheticPosts(POSTS);
  let sink = 0;
  const baseline = median(() => {
    for (const p of posts) sink += p.title.toLowerCase().split(/\s+/).length;
  });
  let grouped = 0;
  const engine = median(() => {
    grouped = assignSeries(posts).filter((a) => a.series !== null).length;
  });
  console.log(
    `series: assignSeries ${POSTS} posts median ${engine.toFixed(1)} ms (${grouped} in series); baseline lowercase+split ${baseline.toFixed(1)} ms; ratio ${(engine / baseline).toFixed(1)}x${sink < 0 ? '' : ''}`,
  );
  await Promise.resolve();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void benchSeries();
