import { useEffect, useRef } from 'react';
import { THEME_CHOICES, type Density, type ThemeChoice } from '../../../../shared/settings';
import { SORT_OPTIONS } from '../library/sort-options';
import { updatePreferences, usePreferences } from './preferences-store';

const THEME_LABELS: Readonly<Record<ThemeChoice, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

const DENSITY_LABELS: readonly { readonly density: Density; readonly label: string }[] = [
  { density: 'comfortable', label: 'Comfortable' },
  { density: 'compact', label: 'Compact' },
];

/** Props: where the inbox is, how to change it, and how to close. */
export interface SettingsDialogProps {
  readonly inboxFolder: string | null;
  readonly onChooseInbox: () => void;
  readonly onClose: () => void;
}

/** Theme, density, the sort lists open with, and the inbox folder; each applies at once. */
export function SettingsDialog(props: SettingsDialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const preferences = usePreferences();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="modal settings"
      aria-labelledby="settings-title"
      onClose={props.onClose}
      onCancel={props.onClose}
      data-testid="settings-dialog"
    >
      <h2 id="settings-title">Settings</h2>
      <fieldset className="modal-section">
        <legend>Theme</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEME_CHOICES.map((theme) => (
            <label key={theme}>
              <input
                type="radio"
                name="theme"
                checked={preferences.theme === theme}
                onChange={() => updatePreferences({ theme })}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="modal-section">
        <legend>Density</legend>
        <div className="segmented" role="radiogroup" aria-label="Density">
          {DENSITY_LABELS.map(({ density, label }) => (
            <label key={density}>
              <input
                type="radio"
                name="density"
                checked={preferences.density === density}
                onChange={() => updatePreferences({ density })}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="modal-section">
        <label>
          <span className="setting-name">Lists open sorted by</span>
          <select
            value={preferences.defaultSort}
            onChange={(event) => {
              const choice = SORT_OPTIONS.find((option) => option.sort === event.target.value);
              if (choice) updatePreferences({ defaultSort: choice.sort });
            }}
          >
            {SORT_OPTIONS.map(({ sort, label }) => (
              <option key={sort} value={sort}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="modal-section">
        <legend>Inbox folder</legend>
        <code className="path" data-testid="settings-inbox">
          {props.inboxFolder ?? '…'}
        </code>
        <button type="button" onClick={props.onChooseInbox}>
          Change…
        </button>
      </fieldset>
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" className="primary" onClick={props.onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}
