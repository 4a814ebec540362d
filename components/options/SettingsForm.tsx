import type { Settings } from '@/lib/db';
import { t, tCount } from '@/lib/i18n/t';

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
      <h2 id="settings-heading">{t('settings')}</h2>
      <div class="settings-grid">
        <label for="set-interval">{t('checkEvery')}</label>
        <select id="set-interval" value={String(settings.defaultRefreshMinutes)} onChange={(event) => onChange({ defaultRefreshMinutes: Number(event.currentTarget.value) })}>
          {[15, 30, 60, 120, 360, 720, 1440].map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes < 60 ? tCount('minutes', minutes) : tCount('hours', minutes / 60)}
            </option>
          ))}
        </select>

        <label for="set-notify">{t('notifyNew')}</label>
        <input id="set-notify" type="checkbox" checked={settings.notifications} onChange={(event) => onChange({ notifications: event.currentTarget.checked })} />

        <label for="set-mark">{t('markPostRead')}</label>
        <select id="set-mark" value={settings.markMode} onChange={(event) => onChange({ markMode: event.currentTarget.value as Settings['markMode'] })}>
          <option value="visit">{t('markOnOpen')}</option>
          <option value="dwell">{t('markOnDwell')}</option>
          <option value="scroll">{t('markOnScroll')}</option>
        </select>

        {settings.markMode === 'dwell' && (
          <>
            <label for="set-dwell">{t('dwellSeconds')}</label>
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

        <label for="set-next">{t('showNextInSeries')}</label>
        <input id="set-next" type="checkbox" checked={settings.showNextInSeries} onChange={(event) => onChange({ showNextInSeries: event.currentTarget.checked })} />

        <label for="set-retention">{t('retention')}</label>
        <input
          id="set-retention"
          type="number"
          min={1}
          max={36500}
          value={settings.retentionDays}
          onChange={(event) => onChange({ retentionDays: Number(event.currentTarget.value) })}
        />

        <label for="set-theme">{t('theme')}</label>
        <select id="set-theme" value={settings.theme} onChange={(event) => onChange({ theme: event.currentTarget.value as Settings['theme'] })}>
          <option value="system">{t('themeSystem')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>

        <label for="set-all-sites">{t('allowAllSites')}</label>
        <input id="set-all-sites" type="checkbox" checked={settings.allowAllSites} onChange={(event) => onAllowAllSites(event.currentTarget.checked)} />
      </div>
      <p class="muted small-print">{t('privacy')}</p>
    </section>
  );
}
