import { describe, expect, it } from 'vitest';
import { runsHeadless } from '../../scripts/started-browser';

describe('runsHeadless', () => {
  it.each([
    { name: 'Linux without a display', env: {}, platform: 'linux' as const, headless: true },
    { name: 'Linux with X', env: { DISPLAY: ':0' }, platform: 'linux' as const, headless: false },
    { name: 'Linux with Wayland', env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' as const, headless: false },
    { name: 'macOS, which has no DISPLAY but a screen', env: {}, platform: 'darwin' as const, headless: false },
    { name: 'PARTWISE_HEADLESS=1 with a display', env: { DISPLAY: ':0', PARTWISE_HEADLESS: '1' }, platform: 'linux' as const, headless: true },
    { name: 'PARTWISE_HEADLESS=0 without a display', env: { PARTWISE_HEADLESS: '0' }, platform: 'linux' as const, headless: false },
  ])('$name', ({ env, platform, headless }) => {
    expect(runsHeadless(env, platform)).toBe(headless);
  });
});
