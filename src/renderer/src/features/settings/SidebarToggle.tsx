import { updatePreferences, usePreferences } from './preferences-store';

/** The toolbar button that hides or shows the sidebar (remembered across runs). */
export function SidebarToggle(): React.JSX.Element {
  const { sidebarCollapsed } = usePreferences();
  return (
    <button
      type="button"
      className="icon-button toolbar-icon"
      aria-label={sidebarCollapsed ? 'Show the sidebar' : 'Hide the sidebar'}
      aria-pressed={!sidebarCollapsed}
      title={sidebarCollapsed ? 'Show the sidebar' : 'Hide the sidebar'}
      onClick={() => updatePreferences({ sidebarCollapsed: !sidebarCollapsed })}
    >
      ☰
    </button>
  );
}
