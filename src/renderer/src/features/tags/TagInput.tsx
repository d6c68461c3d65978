import { useId, useState } from 'react';
import type { TagCount } from '../../db';
import { nearDuplicate, suggestTags } from './tag-matching';

/** Props of the tag name box. */
export interface TagInputProps {
  readonly allTags: readonly TagCount[];
  /** Ids of tags the papers carry already (not suggested). */
  readonly carried: ReadonlySet<string>;
  readonly label: string;
  readonly placeholder: string;
  readonly inputRef?: React.Ref<HTMLInputElement>;
  readonly shortcutTarget?: string;
  /**
   * Adds the tag and tells whether it worked; the box is empty again when this is called (typing
   * may go on). A name that could not be added comes back into the box if that is still empty.
   */
  readonly onTake: (name: string) => Promise<boolean>;
}

interface Option {
  readonly name: string;
  readonly create: boolean;
  readonly count: number;
  readonly color: string | null;
}

function optionsFor(draft: string, suggestions: readonly TagCount[], similar: TagCount | null) {
  const options: Option[] = suggestions.map(({ tag, count }) => ({
    name: tag.name,
    create: false,
    count,
    color: tag.color,
  }));
  if (similar && !suggestions.includes(similar))
    options.push({
      name: similar.tag.name,
      create: false,
      count: similar.count,
      color: similar.tag.color,
    });
  const typed = draft.trim();
  const exact = suggestions[0]?.tag.nameKey === typed.toLowerCase();
  if (typed !== '' && !exact) options.push({ name: typed, create: true, count: 0, color: null });
  // The exact name or a name starting with the draft is taken by default, else the draft itself.
  const first = suggestions[0];
  const preferred = first && first.tag.nameKey.startsWith(typed.toLowerCase());
  const active = preferred
    ? 0
    : Math.max(
        0,
        options.findIndex((option) => option.create),
      );
  return { options, active };
}

/**
 * A combobox for tag names. Enter or Tab takes the highlighted suggestion, ↑/↓ move, Esc closes
 * the suggestions. The box clears at once and the tag is written afterwards, so typing on at full
 * speed goes into the next tag. A name that nearly matches an existing tag (case, spacing,
 * plural, one typo) gets a warning offering the existing tag.
 */
export function TagInput(props: TagInputProps): React.JSX.Element {
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(true);
  const [moved, setMoved] = useState<number | null>(null);
  const listId = useId();
  const suggestions = suggestTags(draft, props.allTags, props.carried);
  const similar = draft.trim() === '' ? null : nearDuplicate(draft, props.allTags);
  const { options, active: preferred } = optionsFor(draft, suggestions, similar);
  const active = Math.min(moved ?? preferred, options.length - 1);
  const showing = open && options.length > 0;

  const take = (name: string): void => {
    setDraft('');
    setMoved(null);
    setOpen(true);
    const trimmed = name.trim();
    if (trimmed === '') return;
    void props.onTake(trimmed).then((ok) => {
      if (!ok) setDraft((current) => (current === '' ? trimmed : current));
    });
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const option = options[active];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setMoved(showing ? (active + step + options.length) % options.length : active);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      take(showing && option ? option.name : draft);
    } else if (event.key === 'Tab' && showing && option && !option.create) {
      event.preventDefault();
      take(option.name);
    } else if (event.key === 'Escape' && showing) {
      // Closes the suggestions only; the next Esc leaves the box.
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="tag-add">
      <input
        ref={props.inputRef}
        data-shortcut-target={props.shortcutTarget}
        type="text"
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showing ? `${listId}-${active}` : undefined}
        value={draft}
        placeholder={props.placeholder}
        aria-label={props.label}
        maxLength={60}
        spellCheck={false}
        onChange={(event) => {
          setDraft(event.target.value);
          setMoved(null);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      {showing ? (
        <div className="tag-suggestions" id={listId} role="listbox" aria-label="Tag suggestions">
          {similar ? (
            <p className="tag-warning" role="note" data-testid="tag-near-duplicate">
              “{similar.tag.name}” exists; use it?
            </p>
          ) : null}
          {options.map((option, index) => (
            <div
              key={`${option.create ? 'new' : 'tag'}:${option.name}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="tag-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => take(option.name)}
            >
              {option.create ? (
                <span>
                  Create “<strong>{option.name}</strong>”
                </span>
              ) : (
                <>
                  <span
                    className="tag-dot"
                    style={{ background: option.color ?? 'var(--text-muted)' }}
                    aria-hidden="true"
                  />
                  <span>{option.name}</span>
                  <span className="muted">{option.count}</span>
                </>
              )}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
