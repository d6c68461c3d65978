import type { RestorePreview } from '../../db';
import { plural } from './format';
import type { RestoreMode } from './use-restore';

/** Props: the preview, the chosen mode and how to change it. */
export interface RestorePreviewTableProps {
  readonly preview: RestorePreview;
  readonly mode: RestoreMode;
  readonly onModeChange: (mode: RestoreMode) => void;
}

function line(count: number, text: string): React.JSX.Element | null {
  return count > 0 ? <li>{`${count.toLocaleString('en')} ${text}`}</li> : null;
}

/** What the backup holds and what merging or replacing would add, change or remove. */
export function RestorePreviewTable(props: RestorePreviewTableProps): React.JSX.Element {
  const { backup, merge, replace } = props.preview;
  const mergeNothing =
    merge.entriesUpdated +
      merge.papersAdded +
      merge.papersUpdated +
      merge.tagsAdded +
      merge.highlightsAdded +
      merge.highlightsUpdated ===
    0;
  return (
    <div data-testid="restore-preview">
      <p>
        The backup holds {plural(backup.papers, 'paper')}, {plural(backup.notes, 'note')},{' '}
        {plural(backup.tags, 'tag')}
        {backup.highlights > 0 ? `, ${plural(backup.highlights, 'highlight')}` : ''} and{' '}
        {backup.queued} queued.
      </p>
      <fieldset className="restore-modes">
        <legend>How to restore</legend>
        <label>
          <input
            type="radio"
            name="restore-mode"
            checked={props.mode === 'merge'}
            onChange={() => props.onModeChange('merge')}
          />{' '}
          <strong>Merge</strong> into the current library: adds what it lacks and keeps everything;
          where a paper changed on both sides, the newer change wins, and no note or tag is lost.
        </label>
        <ul className="restore-counts" data-testid="merge-counts">
          {line(merge.papersAdded, 'papers added')}
          {line(merge.papersUpdated, 'papers updated (bibliographic data)')}
          {line(merge.entriesUpdated, 'papers get status, queue, tags or note from the backup')}
          {line(merge.notesAdded, 'notes added')}
          {line(merge.notesChanged, 'notes changed (both versions kept)')}
          {line(merge.tagsAdded, 'tags added')}
          {line(merge.highlightsAdded, 'highlights added')}
          {line(merge.highlightsUpdated, 'highlight comments updated')}
          {mergeNothing ? <li>Nothing to change: the library already has everything.</li> : null}
        </ul>
        <label>
          <input
            type="radio"
            name="restore-mode"
            checked={props.mode === 'replace'}
            onChange={() => props.onModeChange('replace')}
          />{' '}
          <strong>Replace</strong> the library with the backup (a snapshot of the current library is
          saved first).
        </label>
        <ul className="restore-counts" data-testid="replace-counts">
          {line(replace.papersAdded, 'papers added')}
          {line(replace.papersRemoved, 'papers removed')}
          {line(replace.entriesChanged, 'papers change status, queue, tags or note')}
          {line(replace.notesAdded, 'notes added')}
          {line(replace.notesChanged, 'notes changed')}
          {line(replace.notesRemoved, 'notes removed')}
          {line(replace.tagsAdded, 'tags added')}
          {line(replace.tagsChanged, 'tags renamed or recoloured')}
          {line(replace.tagsRemoved, 'tags removed')}
          {line(replace.highlightsAdded, 'highlights added')}
          {line(replace.highlightsRemoved, 'highlights removed')}
        </ul>
      </fieldset>
    </div>
  );
}
