// What `npm start` needs from a browser it opened, whichever browser that is.

/** How `npm start` opens a browser. */
export interface StartOptions {
  executablePath: string;
  /** A temporary profile folder; the caller removes it. */
  profile: string;
  headless: boolean;
}

/** A browser `npm start` opened, with Partwise loaded. */
export interface StartedBrowser {
  /** The browser's name, for messages. */
  label: string;
  extensionId: string;
  /** Whether Partwise's button shows in the toolbar without the user pinning it. */
  pinned: boolean;
  /** Sends one message of the typed protocol to the background and returns the reply. */
  callBackground<T = unknown>(type: string, data?: unknown): Promise<T>;
  /** Shows this page in the first tab and closes the pages `npm start` used to set up. */
  showSite(url: string): Promise<void>;
  /** The addresses of the open tabs, in order. */
  tabs(): Promise<string[]>;
  /** Writes a PNG of the popup to `path`. */
  screenshotPopup(path: string): Promise<void>;
  /** Calls back when the user closes the browser. */
  onClosed(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Whether `npm start` runs the browser headless: on Linux when no X or Wayland display is there (macOS always
 * has its own); `PARTWISE_HEADLESS=1` or `=0` decides instead.
 */
export function runsHeadless(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): boolean {
  if (env.PARTWISE_HEADLESS === '1' || env.PARTWISE_HEADLESS === '0') return env.PARTWISE_HEADLESS === '1';
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}
