import { useEffect, useRef, useState } from 'react';
import { TAG_PALETTE, type TagCount } from '../../db';
import { mergeTagInto, recolorTag, removeTag, renameTagTo } from '../library/library-actions';

/** Props: the tag being managed, every tag (merge targets), and how to close. */
export interface TagManagerDialogProps {
  readonly tagId: string;
  readonly tags: readonly TagCount[];
  readonly onClose: () => void;
}

/** Rename, recolour, merge into another tag, or delete (with Undo) one tag. */
export function TagManagerDialog(props: TagManagerDialogProps): React.JSX.Element | null {
  const entry = props.tags.find(({ tag }) => tag.id === props.tagId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(entry?.tag.name ?? '');
  const [mergeTarget, setMergeTarget] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  if (!entry) return null;
  const { tag, count } = entry;
  const others = props.tags.filter((other) => other.tag.id !== tag.id);
  const clash = others.find((other) => other.tag.nameKey === name.trim().toLowerCase());

  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby="tag-manager-title"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <h2 id="tag-manager-title">
        Tag “{tag.name}”{' '}
        <span className="muted">
          ({count} paper{count === 1 ? '' : 's'})
        </span>
      </h2>
      <form
        className="modal-section"
        onSubmit={(event) => {
          event.preventDefault();
          if (clash) return;
          void renameTagTo(tag.id, name).then((ok) => ok && props.onClose());
        }}
      >
        <label>
          Name
          <input
            type="text"
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
            aria-label="Tag name"
          />
        </label>
        <button
          type="submit"
          disabled={name.trim() === '' || name.trim() === tag.name || clash !== undefined}
        >
          Rename
        </button>
        {clash ? (
          <p className="muted" role="note">
            “{clash.tag.name}” already exists: merge the tags instead.
          </p>
        ) : null}
      </form>
      <div className="modal-section" role="group" aria-label="Colour">
        <span>Colour</span>
        <div className="palette">
          {TAG_PALETTE.map((color) => (
            <button
              key={color}
              type="button"
              className="swatch"
              style={{ background: color }}
              aria-label={`Colour ${color}`}
              aria-pressed={tag.color === color}
              onClick={() => void recolorTag(tag.id, color)}
            />
          ))}
        </div>
      </div>
      {others.length > 0 ? (
        <form
          className="modal-section"
          onSubmit={(event) => {
            event.preventDefault();
            const target = others.find((other) => other.tag.id === mergeTarget)?.tag;
            if (!target) return;
            void mergeTagInto(tag.id, target.id, `Merged “${tag.name}” into “${target.name}”`).then(
              props.onClose,
            );
          }}
        >
          <label>
            Merge into
            <select
              value={mergeTarget}
              onChange={(event) => setMergeTarget(event.target.value)}
              aria-label="Merge into"
            >
              <option value="">Choose a tag…</option>
              {others.map(({ tag: other }) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={mergeTarget === ''}>
            Merge
          </button>
        </form>
      ) : null}
      <div className="modal-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            void removeTag(tag.id, tag.name);
            props.onClose();
          }}
        >
          Delete tag
        </button>
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
