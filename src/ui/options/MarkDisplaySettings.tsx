// Options: how marks show on pages. One setting for now: hide the grey "nothing listed" marks (what was checked
// is still listed in the popup and the side panel). Saved in the extension's storage; open tabs follow at once.
import { useEffect, useState } from 'preact/hooks';
import { readMarkSettings, saveMarkSettings, watchMarkSettings, type MarkSettings } from '../../annotator/mark-settings';
import { t } from '../i18n';

export function MarkDisplaySettings() {
  const [settings, setSettings] = useState<MarkSettings | undefined>();
  useEffect(() => {
    void readMarkSettings().then(setSettings);
    return watchMarkSettings(setSettings);
  }, []);
  return (
    <section aria-labelledby="marks-heading">
      <h2 id="marks-heading">{t('optionsMarksHeading')}</h2>
      <label class="setting">
        <input
          type="checkbox"
          checked={settings?.hideChecked ?? false}
          disabled={!settings}
          aria-describedby="hide-checked-hint"
          onChange={(event) => {
            const hideChecked = (event.currentTarget as HTMLInputElement).checked;
            setSettings({ ...settings, hideChecked });
            void saveMarkSettings({ hideChecked });
          }}
        />{' '}
        {t('optionsHideChecked')}
      </label>
      <p id="hide-checked-hint" class="muted">{t('optionsHideCheckedHint')}</p>
    </section>
  );
}
