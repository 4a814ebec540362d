import type { FixtureServer, FixtureServerOptions } from '../fixtures/server';

/** The browsers the extension's browser tests run in. */
export type BrowserName = 'chromium' | 'firefox';

/**
 * What to act on in a tab: a CSS selector, or an element by its ARIA role and exact accessible name
 * (Playwright's `getByRole` in Chromium, puppeteer's `::-p-aria` in Firefox).
 */
export type Target = string | { role: string; name: string };

/** A file handed to an `<input type="file">`. */
export interface UploadFile {
  name: string;
  mimeType: string;
  content: string;
}

/** One tab, driven only through what both browsers' drivers do alike. */
export interface Tab {
  /** Opens `url` (web page or extension page) and waits for its load. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page's own world and returns its (serializable) result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until the target is in the document. */
  waitFor(target: Target): Promise<void>;
  /** Clicks like a user (a real input event, so the page sees a user gesture). */
  click(target: Target): Promise<void>;
  fill(target: Target, text: string): Promise<void>;
  press(key: string): Promise<void>;
  setFile(selector: string, file: UploadFile): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Makes this the active tab (a tab left in the background has its timers throttled). */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A file the extension saved through a download. */
export interface DownloadedFile {
  name: string;
  text: string;
}

/** What the popup's classic script painted before the app's modules took over. */
export interface FirstPaint {
  /** The preview is inert (the app replaces it). */
  inert: boolean;
  /** `aria-label`s of the painted groups, in order. */
  groups: string[];
}

/** Everything a browser test needs, in either browser: extension pages, tabs, background state and the fixture server. */
export interface BrowserHarness {
  browser: BrowserName;
  server: FixtureServer;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  extensionUrl(path: string): string;
  openOptions(): Promise<Tab>;
  /** The popup's page in a tab of its own (`query` like `?tabId=3`). */
  openPopup(query?: string): Promise<Tab>;
  newTab(url?: string): Promise<Tab>;
  /**
   * Runs `fn(arg)` in an extension page the harness keeps open: it shares the background's IndexedDB,
   * storage, badge, notifications and scripting (Firefox's event page cannot be evaluated in directly).
   */
  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Sends one message of the typed protocol to the background and returns its reply (throwing its error). */
  callBackground<T = unknown>(type: string, data?: unknown): Promise<T>;
  /** Every row of one object store of the extension's IndexedDB. */
  readStore<T = Record<string, unknown>>(store: string): Promise<T[]>;
  badgeText(): Promise<string>;
  /** The notifications Partwise is showing, by id. */
  notifications(): Promise<Record<string, unknown>>;
  /** URLs of the open tabs, including those the extension opened. */
  tabUrls(): Promise<string[]>;
  /** URLs of the pages whose content script reported a visit since launch (the background's messages, overheard). */
  visitReports(): Promise<string[]>;
  /**
   * Stops the background now (Chromium's service worker, Firefox's event page), as the browser does
   * when it idles; the next event starts it again from what it stored.
   */
  stopBackground(): Promise<void>;
  /** The folder of the built extension under test. */
  buildDir: string;
  /**
   * Captures the popup's first paint: Chromium watches the real popup page from before its first
   * script; Firefox cannot run a script that early in an extension page, so it loads the page's
   * classic script alone into an extension frame and reads what it painted.
   */
  popupFirstPaint(): Promise<FirstPaint>;
  /** Clicks `button` in `tab` and returns the file the click downloaded. */
  download(tab: Tab, button: Target): Promise<DownloadedFile>;
  close(): Promise<void>;
}

/** Options for {@link launchBrowser}. */
export interface LaunchOptions {
  server?: FixtureServerOptions;
  /** Firefox prefs for this launch (e.g. a shorter `extensions.background.idle.timeout`); Firefox only. */
  firefoxPrefs?: Record<string, unknown>;
}

/** Launches `browser` with the E2E build of Partwise installed and a fixture server beside it. */
export async function launchBrowser(browser: BrowserName, options: LaunchOptions = {}): Promise<BrowserHarness> {
  if (browser === 'firefox') return (await import('./firefox-harness')).launchFirefoxHarness(options);
  return (await import('./chromium-harness')).launchChromiumHarness(options);
}

/**
 * The browsers this run tests: `PARTWISE_E2E_BROWSER` (comma-separated; the Firefox config sets
 * `firefox`), else Chromium alone, so the default browser suite keeps its meaning.
 */
export function browsersUnderTest(): BrowserName[] {
  const names = (process.env.PARTWISE_E2E_BROWSER ?? 'chromium').split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) if (name !== 'chromium' && name !== 'firefox') throw new Error(`Unknown browser in PARTWISE_E2E_BROWSER: ${name}`);
  return names as BrowserName[];
}
