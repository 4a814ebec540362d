// `npm run bench`: every benchmark of the project, each printing its results as ratios against a
// baseline measured in the same run. Benchmarks that need ../shared say so and skip without it.
import benchParse from './bench/parse';
import benchSeries from './bench/series';
import benchRefresh from './bench/refresh';
import benchPopup from './bench/popup';
import benchContentScript from './bench/content-script';
import benchSync from './bench/sync';
import benchListing from './bench/listing';
import benchHostile from './bench/hostile';
import benchRestore from './bench/restore';
import { buildE2eExtension } from '../test/e2e/build-extension';

const SECTIONS: [string, () => Promise<void>][] = [
  ['parser', benchParse],
  ['hostile input', benchHostile],
  ['series engine', benchSeries],
  ['background refresh', benchRefresh],
  ['popup', benchPopup],
  ['content script', benchContentScript],
  ['sync quota', benchSync],
  ['listing pages', benchListing],
  ['backup restore', benchRestore],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  buildE2eExtension('ignore');
  for (const [name, run] of SECTIONS) {
    if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
    console.log(`\n== ${name} ==`);
    await run();
  }
}

await main();
