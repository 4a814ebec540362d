// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageSeries } from '../messaging/protocol';
import { readPageSeries } from './read-page-series';

function page(name: string, url: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(__dirname, '../../test/fixtures/article-pages', name), 'utf8'), 'text/html');
  // happy-dom's parsed documents have no URL of their own: links resolve against a <base> like the page's.
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

describe('readPageSeries', () => {
  it.each<[string, string, string, PageSeries[]]>([
    ['a Forem series box: its links in reading order', 'forem.html', 'https://dev.example.to/rustacean/borrowing-without-fear-3c4d', [{
      source: 'forem', name: 'Understanding Rust', ordered: true, entries: [
        { url: 'https://dev.example.to/rustacean/ownership-in-five-minutes-1a2b', title: 'Ownership in five minutes' },
        { url: 'https://dev.example.to/rustacean/borrowing-without-fear-3c4d', title: 'Borrowing without fear' },
        { url: 'https://dev.example.to/rustacean/lifetimes-at-last-5e6f', title: 'Lifetimes, at last' },
      ],
    }]],
    ['PublishPress: "part 2 of 3 in the series", with its list of parts', 'publishpress.html', 'https://garden.example.org/2024/04/frame/', [{
      source: 'publishpress', name: 'Raised Beds', ordered: true, entries: [
        { url: 'https://garden.example.org/2024/03/soil-first/', title: 'Soil, first' },
        { title: 'Building the frame' },
        { url: 'https://garden.example.org/2024/04/watering/', title: 'Watering without waste' },
      ],
      self: { url: 'https://garden.example.org/2024/04/frame/', title: 'Building the frame – Garden Logic', position: 2 },
    }]],
    ['JSON-LD isPartOf a CreativeWorkSeries with a position', 'json-ld.html', 'https://db.example.net/indexes/', [{
      source: 'json-ld', name: 'Postgres Internals', ordered: true, entries: [{ url: 'https://db.example.net/indexes/', title: 'Episode 3: Indexes | Database Diaries', position: 3 }],
    }]],
    ['Hugo og:see_also: membership only', 'hugo-see-also.html', 'https://ops.example.com/posts/k8s-etcd/', [{
      source: 'og-see-also', name: '', ordered: false, entries: [
        { url: 'https://ops.example.com/posts/k8s-why/' },
        { url: 'https://ops.example.com/posts/k8s-networking/' },
        { url: 'https://ops.example.com/posts/k8s-etcd/', title: 'Standing up etcd | Ops Journal' },
      ],
    }]],
    ['a generic "part of the X series" box with its list', 'generic-box.html', 'https://iac.example.com/terraform-modules-inputs', [{
      source: 'generic', name: 'Terraform Modules', ordered: true, entries: [
        { url: 'https://iac.example.com/terraform-modules-why', title: 'Why modules?' },
        { title: 'Inputs and outputs' },
        { url: 'https://iac.example.com/terraform-modules-registry', title: 'Publishing to a registry' },
      ],
      self: { url: 'https://iac.example.com/terraform-modules-inputs', title: 'Inputs and outputs — IaC Notes' },
    }]],
    ['a plain post: a Blog is not a series, prose and "related" boxes declare nothing', 'plain-post.html', 'https://bytes.example.com/tuning/', []],
  ])('%s', (_name, file, url, expected) => {
    expect(readPageSeries(page(file, url), url)).toEqual(expected);
  });
});
