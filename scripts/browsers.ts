// Finds the browser that `npm start` and the browser tests drive, and on a Debian or Ubuntu machine where
// we are root installs it from the distribution's packages, so `npm ci && npm start` needs nothing else.
// Browsers come from the environment, the usual install places or apt: never downloaded from anywhere else.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';

/** A browser Partwise can be driven in. */
export type BrowserName = 'chromium' | 'firefox';

/** What the finder reads from and does to the machine; injected so tests simulate any machine. */
export interface BrowserSystem {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Whether an executable file is at this path. */
  isExecutable(path: string): boolean;
  /** Whether we may install system packages (root). */
  isRoot: boolean;
  /** Whether apt installs Debian's packages here (Debian, Ubuntu and their derivatives). */
  isDebian: boolean;
  /** Runs a command in the foreground and returns its exit status. */
  run(command: string, args: readonly string[]): number;
  /** Tells the user what is happening. */
  log(line: string): void;
  /** The usual install places, in order of preference. */
  candidates(name: BrowserName, platform: NodeJS.Platform): readonly string[];
}

interface BrowserFacts {
  label: string;
  envVar: string;
  debianPackage: string;
  macCask: string;
}

const FACTS: Record<BrowserName, BrowserFacts> = {
  chromium: { label: 'Chromium', envVar: 'CHROME_PATH', debianPackage: 'chromium', macCask: 'chromium' },
  firefox: { label: 'Firefox ESR', envVar: 'FIREFOX_PATH', debianPackage: 'firefox-esr', macCask: 'firefox@esr' },
};

/** The usual install places of Chromium, Chrome and Firefox (ESR first) on Linux and macOS. */
export function usualPlaces(name: BrowserName, platform: NodeJS.Platform, home = homedir()): string[] {
  if (platform === 'darwin') {
    const apps = name === 'chromium' ? ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'] : ['Firefox.app/Contents/MacOS/firefox'];
    return ['/Applications', `${home}/Applications`].flatMap((folder) => apps.map((app) => `${folder}/${app}`));
  }
  if (platform !== 'linux') return [];
  if (name === 'chromium') {
    return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/snap/bin/chromium'];
  }
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/opt/firefox/firefox', '/snap/bin/firefox'];
}

/** A browser is missing and we may not install it: `message` is the one line to show the user. */
export class BrowserSetupError extends Error {
  override name = 'BrowserSetupError';

  constructor(message: string) {
    super(message);
    // A state of the machine, not a bug: the line is all the reader needs, so no stack trace is shown.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * The browser's path: `$CHROME_PATH` / `$FIREFOX_PATH` when set, else the first usual place that holds it,
 * else undefined. A variable set to a path with no browser is an error, not a reason to look elsewhere.
 */
export function findBrowser(name: BrowserName, system: BrowserSystem = localSystem()): string | undefined {
  const { envVar, label } = FACTS[name];
  const chosen = system.env[envVar];
  if (chosen) {
    if (system.isExecutable(chosen)) return chosen;
    throw new BrowserSetupError(`${envVar} is ${chosen}, which is not an executable file: point it at ${label} or unset it.`);
  }
  return system.candidates(name, system.platform).find((path) => system.isExecutable(path));
}

/** The one line that names the command to run when the browser is missing and we cannot install it. */
export function missingBrowserLine(name: BrowserName, system: Pick<BrowserSystem, 'platform' | 'isDebian'>): string {
  const { label, envVar, debianPackage, macCask } = FACTS[name];
  const install =
    system.platform === 'darwin'
      ? `brew install --cask ${macCask}`
      : system.isDebian
        ? `sudo apt-get install -y ${debianPackage}`
        : `your package manager's ${label} package`;
  return `${label} not found: install it (${install}) or set ${envVar} to its executable.`;
}

/**
 * Finds the browser (see findBrowser); when it is missing on a Debian or Ubuntu machine where we are root,
 * installs the distribution's package with apt, saying so. Otherwise throws a BrowserSetupError whose
 * message is one line naming the command to run.
 */
export function ensureBrowser(name: BrowserName, system: BrowserSystem = localSystem()): string {
  const found = findBrowser(name, system);
  if (found) return found;
  if (system.platform !== 'linux' || !system.isDebian || !system.isRoot) throw new BrowserSetupError(missingBrowserLine(name, system));
  const { label, debianPackage } = FACTS[name];
  system.log(`${label} not found; installing Debian's ${debianPackage} package: apt-get update && apt-get install -y ${debianPackage}`);
  for (const args of [['update'], ['install', '-y', debianPackage]]) {
    const status = system.run('apt-get', args);
    if (status !== 0) throw new BrowserSetupError(`apt-get ${args.join(' ')} failed (exit ${status}): install ${label} another way and set ${FACTS[name].envVar} to its executable.`);
  }
  const installed = findBrowser(name, system);
  if (!installed) throw new BrowserSetupError(`apt-get installed ${debianPackage} but ${label} is still not in a usual place; set ${FACTS[name].envVar} to its executable.`);
  system.log(`Installed ${label}: ${installed}`);
  return installed;
}

/** Whether an executable file is at this path. */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false; // absent or not executable: both mean "not here"
  }
}

/** Whether an os-release file names Debian or Ubuntu, or a distribution built on them (ID_LIKE). */
export function isDebianRelease(osRelease: string): boolean {
  const ids = [...osRelease.matchAll(/^(?:ID|ID_LIKE)=["']?([^"'\n]*)["']?$/gm)].flatMap((match) => match[1]!.split(/\s+/));
  return ids.some((id) => id === 'debian' || id === 'ubuntu');
}

/** Whether this machine is Debian-like (see isDebianRelease) and has apt-get. */
function isDebianLike(): boolean {
  let release: string;
  try {
    release = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return false; // no os-release: not a Debian we know how to install on
  }
  return isDebianRelease(release) && isExecutableFile('/usr/bin/apt-get');
}

/** This machine, as the finder sees it. */
export function localSystem(): BrowserSystem {
  return {
    env: process.env,
    platform: process.platform,
    isExecutable: isExecutableFile,
    isRoot: process.getuid?.() === 0,
    isDebian: process.platform === 'linux' && isDebianLike(),
    run: (command, args) => {
      const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      return result.status ?? 1;
    },
    log: (line) => console.log(line),
    candidates: (name, platform) => usualPlaces(name, platform),
  };
}
