import type { Settings } from '@/lib/db';

/** Props of {@link SettingsForm}. */
export interface SettingsFormProps {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  /** Turning on "allow all sites" asks for host access in the same click. */
  onAllowAllSites: (allow: boolean) => void;
}

/** Global settings: refresh interval, notifications, marking mode, retention, theme. */
export function SettingsForm({ settings, onChange, onAllowAllSites }: SettingsFormProps) {
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <div class="settings-grid">
        <label for="set-interval">Check feeds every</label>
        <select id="set-interval" value={String(settings.defaultRefreshMinutes)} onChange={(event) => onChange({ defaultRefreshMinutes: Number(event.currentTarget.value) })}>
          {[15, 30, 60, 120, 360, 720, 1440].map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`}
            </option>
          ))}
        </select>

        <label for="set-notify">Notify me of new posts</label>
        <input id="set-notify" type="checkbox" checked={settings.notifications} onChange={(event) => onChange({ notifications: event.currentTarget.checked })} />

        <label for="set-mark">Mark a post read</label>
        <select id="set-mark" value={settings.markMode} onChange={(event) => onChange({ markMode: event.currentTarget.value as Settings['markMode'] })}>
          <option value="visit">when I open it</option>
          <option value="dwell">after I have read it for a while</option>
          <option value="scroll">when I scroll to its end</option>
        </select>

        {settings.markMode === 'dwell' && (
          <>
            <label for="set-dwell">Seconds on the page</label>
            <input
              id="set-dwell"
              type="number"
              min={1}
              max={600}
              value={settings.dwellSeconds}
              onChange={(event) => onChange({ dwellSeconds: Number(event.currentTarget.value) })}
            />
          </>
        )}

        <label for="set-next">Show “Next in series” on articles</label>
        <input id="set-next" type="checkbox" checked={settings.showNextInSeries} onChange={(event) => onChange({ showNextInSeries: event.currentTarget.checked })} />

        <label for="set-retention">Forget read posts after (days)</label>
        <input
          id="set-retention"
          type="number"
          min={1}
          max={36500}
          value={settings.retentionDays}
          onChange={(event) => onChange({ retentionDays: Number(event.currentTarget.value) })}
        />

        <label for="set-theme">Theme</label>
        <select id="set-theme" value={settings.theme} onChange={(event) => onChange({ theme: event.currentTarget.value as Settings['theme'] })}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>

        <label for="set-all-sites">Allow Partwise on all sites</label>
        <input id="set-all-sites" type="checkbox" checked={settings.allowAllSites} onChange={(event) => onAllowAllSites(event.currentTarget.checked)} />
      </div>
      <p class="muted small-print">
        Partwise keeps everything in this browser. It contacts only the feeds you subscribe to, and runs on a site only when you subscribed to it
        (or allowed all sites).
      </p>
    </section>
  );
}
