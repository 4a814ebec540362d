import { describe, expect, it } from 'vitest';
import { BrowserSetupError, ensureBrowser, isDebianRelease, usualPlaces, type BrowserName, type BrowserSystem } from '../../scripts/browsers';

interface Machine {
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  /** Executables present before any install. */
  present?: string[];
  root?: boolean;
  debian?: boolean;
  /** Exit status of each apt-get call (update, install); 0 when omitted. */
  aptStatus?: number[];
  /** What a successful `apt-get install` puts on disk. */
  installs?: string[];
}

/** A simulated machine: nothing is looked up on, or installed into, the real one. */
function simulate(machine: Machine) {
  const files = new Set(machine.present ?? []);
  const commands: string[] = [];
  const logs: string[] = [];
  const system: BrowserSystem = {
    env: machine.env ?? {},
    platform: machine.platform ?? 'linux',
    isExecutable: (path) => files.has(path),
    isRoot: machine.root ?? false,
    isDebian: machine.debian ?? false,
    run: (command, args) => {
      commands.push([command, ...args].join(' '));
      const status = machine.aptStatus?.[commands.length - 1] ?? 0;
      if (status === 0 && args[0] === 'install') for (const path of machine.installs ?? []) files.add(path);
      return status;
    },
    log: (line) => logs.push(line),
    candidates: (name, platform) => usualPlaces(name, platform, '/Users/reader'),
  };
  return { system, commands, logs };
}

/** ensureBrowser's outcome: the path, or the error's one line. */
function outcome(name: BrowserName, system: BrowserSystem): { path?: string; error?: string } {
  try {
    return { path: ensureBrowser(name, system) };
  } catch (error) {
    if (!(error instanceof BrowserSetupError)) throw error;
    return { error: error.message };
  }
}

const APT = (pkg: string) => ['apt-get update', `apt-get install -y ${pkg}`];

const CASES: { name: string; browser: BrowserName; machine: Machine; path?: string; error?: string; commands?: string[] }[] = [
  { name: 'CHROME_PATH wins over the usual places', browser: 'chromium', machine: { env: { CHROME_PATH: '/opt/my/chrome' }, present: ['/opt/my/chrome', '/usr/bin/chromium'] }, path: '/opt/my/chrome' },
  { name: 'FIREFOX_PATH wins over the usual places', browser: 'firefox', machine: { env: { FIREFOX_PATH: '/opt/ff/firefox' }, present: ['/opt/ff/firefox', '/usr/bin/firefox-esr'] }, path: '/opt/ff/firefox' },
  {
    name: 'CHROME_PATH pointing nowhere is an error, not a reason to install',
    browser: 'chromium',
    machine: { env: { CHROME_PATH: '/nowhere/chrome' }, root: true, debian: true, installs: ['/usr/bin/chromium'] },
    error: 'CHROME_PATH is /nowhere/chrome, which is not an executable file: point it at Chromium or unset it.',
    commands: [],
  },
  { name: "an empty CHROME_PATH counts as unset", browser: 'chromium', machine: { env: { CHROME_PATH: '' }, present: ['/usr/bin/chromium'] }, path: '/usr/bin/chromium' },
  { name: "Debian's Chromium", browser: 'chromium', machine: { present: ['/usr/bin/chromium'] }, path: '/usr/bin/chromium' },
  { name: 'Chrome when there is no Chromium', browser: 'chromium', machine: { present: ['/usr/bin/google-chrome-stable'] }, path: '/usr/bin/google-chrome-stable' },
  { name: 'Chromium before Chrome', browser: 'chromium', machine: { present: ['/usr/bin/google-chrome', '/usr/bin/chromium-browser'] }, path: '/usr/bin/chromium-browser' },
  { name: 'Firefox ESR before Firefox', browser: 'firefox', machine: { present: ['/usr/bin/firefox', '/usr/bin/firefox-esr'] }, path: '/usr/bin/firefox-esr' },
  { name: 'Firefox when there is no ESR', browser: 'firefox', machine: { present: ['/usr/bin/firefox'] }, path: '/usr/bin/firefox' },
  {
    name: 'macOS Chrome in ~/Applications',
    browser: 'chromium',
    machine: { platform: 'darwin', present: ['/Users/reader/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'] },
    path: '/Users/reader/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  },
  { name: 'macOS Firefox', browser: 'firefox', machine: { platform: 'darwin', present: ['/Applications/Firefox.app/Contents/MacOS/firefox'] }, path: '/Applications/Firefox.app/Contents/MacOS/firefox' },
  { name: 'a Linux path means nothing on macOS', browser: 'chromium', machine: { platform: 'darwin', present: ['/usr/bin/chromium'] }, error: 'Chromium not found: install it (brew install --cask chromium) or set CHROME_PATH to its executable.' },
  {
    name: 'root on Debian without Chromium: installs chromium with apt',
    browser: 'chromium',
    machine: { root: true, debian: true, installs: ['/usr/bin/chromium'] },
    path: '/usr/bin/chromium',
    commands: APT('chromium'),
  },
  {
    name: 'root on Debian without Firefox: installs firefox-esr with apt',
    browser: 'firefox',
    machine: { root: true, debian: true, present: ['/usr/bin/chromium'], installs: ['/usr/bin/firefox-esr'] },
    path: '/usr/bin/firefox-esr',
    commands: APT('firefox-esr'),
  },
  { name: 'root on Debian with Chromium: installs nothing', browser: 'chromium', machine: { root: true, debian: true, present: ['/usr/bin/chromium'] }, path: '/usr/bin/chromium', commands: [] },
  {
    name: 'not root on Debian: names the apt command',
    browser: 'chromium',
    machine: { debian: true },
    error: 'Chromium not found: install it (sudo apt-get install -y chromium) or set CHROME_PATH to its executable.',
    commands: [],
  },
  {
    name: 'not root on Debian, Firefox: names the apt command',
    browser: 'firefox',
    machine: { debian: true },
    error: 'Firefox ESR not found: install it (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH to its executable.',
    commands: [],
  },
  {
    name: 'root on another Linux: no apt, names the way out',
    browser: 'chromium',
    machine: { root: true },
    error: "Chromium not found: install it (your package manager's Chromium package) or set CHROME_PATH to its executable.",
    commands: [],
  },
  {
    name: 'root on macOS: never installs',
    browser: 'firefox',
    machine: { platform: 'darwin', root: true, debian: true },
    error: 'Firefox ESR not found: install it (brew install --cask firefox@esr) or set FIREFOX_PATH to its executable.',
    commands: [],
  },
  {
    name: 'apt-get update fails: stops there with the exit status',
    browser: 'chromium',
    machine: { root: true, debian: true, aptStatus: [100] },
    error: 'apt-get update failed (exit 100): install Chromium another way and set CHROME_PATH to its executable.',
    commands: ['apt-get update'],
  },
  {
    name: 'apt-get install fails',
    browser: 'chromium',
    machine: { root: true, debian: true, aptStatus: [0, 100] },
    error: 'apt-get install -y chromium failed (exit 100): install Chromium another way and set CHROME_PATH to its executable.',
    commands: APT('chromium'),
  },
  {
    name: 'apt installs it somewhere unusual',
    browser: 'chromium',
    machine: { root: true, debian: true, installs: ['/usr/lib/chromium/chromium'] },
    error: 'apt-get installed chromium but Chromium is still not in a usual place; set CHROME_PATH to its executable.',
    commands: APT('chromium'),
  },
];

describe('ensureBrowser', () => {
  it.each(CASES)('$name', ({ browser, machine, path, error, commands }) => {
    const { system, commands: run } = simulate(machine);
    expect(outcome(browser, system)).toEqual(path ? { path } : { error });
    if (commands) expect(run).toEqual(commands);
  });

  it('says what it installs before installing, and where it landed', () => {
    const { system, logs } = simulate({ root: true, debian: true, installs: ['/usr/bin/chromium'] });
    ensureBrowser('chromium', system);
    expect(logs).toEqual([
      "Chromium not found; installing Debian's chromium package: apt-get update && apt-get install -y chromium",
      'Installed Chromium: /usr/bin/chromium',
    ]);
  });

  it('writes every error as one line', () => {
    for (const { browser, machine } of CASES) {
      const { error } = outcome(browser, simulate(machine).system);
      if (error) expect(error).not.toContain('\n');
    }
  });
});

describe('isDebianRelease', () => {
  it.each([
    { name: 'Debian', release: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n', debian: true },
    { name: 'Ubuntu', release: 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n', debian: true },
    { name: 'Linux Mint', release: "NAME=\"Linux Mint\"\nID=linuxmint\nID_LIKE='ubuntu debian'\n", debian: true },
    { name: 'Fedora', release: 'NAME="Fedora Linux"\nID=fedora\n', debian: false },
    { name: 'Alpine', release: 'NAME="Alpine Linux"\nID=alpine\n', debian: false },
    { name: 'Debian only in a name', release: 'NAME="Not debian"\nID=arch\n', debian: false },
  ])('$name', ({ release, debian }) => {
    expect(isDebianRelease(release)).toBe(debian);
  });
});
