/**
 * Note text typed but not yet saved, kept outside the editor so that nothing typed is lost: not
 * when the paper is switched (the editor unmounts), not when a save fails (the draft stays, shown
 * as unsaved with a retry when the paper is opened again), not when the window closes (main asks
 * for `flushNoteDrafts` and waits for it), not when the renderer reloads or crashes before the
 * autosave (drafts are mirrored synchronously and recovered on the next start).
 */
import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../../shared/error-message';
import { describeDbError, getLibrary, isLibraryError, setNote } from '../../db';
import { showToast } from '../toasts/toast-store';
import { localStorageMirror, type DraftMirror } from './draft-mirror';

/** A draft's state: being typed, being saved, or refused by the last save (with the reason). */
export type DraftState =
  | { readonly kind: 'editing' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly reason: string };

/** Unsaved text of one paper's note. */
export interface NoteDraft {
  readonly text: string;
  readonly state: DraftState;
}

/** Saves a note; the default writes to the library. Replaced in tests. */
export type NoteWriter = (paperId: string, text: string) => Promise<unknown>;

type Listener = () => void;

/** The unsaved drafts of every paper, and the saving of them. */
export class NoteDrafts {
  private drafts = new Map<string, NoteDraft>();
  private readonly listeners = new Set<Listener>();
  /** The failure last reported in a toast per paper, until a save of it succeeds. */
  private readonly reported = new Map<string, string>();

  /** Drafts a previous run left in the mirror, kept in it until `recover` takes them back. */
  private unrecovered: Map<string, string>;

  constructor(
    private readonly write: NoteWriter,
    private readonly mirror: DraftMirror | null = null,
  ) {
    this.unrecovered = mirror?.read() ?? new Map();
  }

  /**
   * Takes back the drafts a previous run left unsaved (see `DraftMirror`) and saves them. A draft
   * typed since then wins over the recovered one.
   */
  async recover(): Promise<void> {
    const recovered = [...this.unrecovered].filter(([id]) => !this.drafts.has(id));
    this.unrecovered = new Map();
    for (const [paperId, text] of recovered) {
      this.set(paperId, { text, state: { kind: 'editing' } });
    }
    await Promise.all(recovered.map(([paperId]) => this.save(paperId)));
  }

  /** The unsaved draft of a paper, if any. */
  get(paperId: string): NoteDraft | undefined {
    return this.drafts.get(paperId);
  }

  /** Records typed text; text equal to the saved note means nothing is pending. */
  edit(paperId: string, text: string, saved: string): void {
    if (text === saved) this.set(paperId, undefined);
    else this.set(paperId, { text, state: { kind: 'editing' } });
  }

  /**
   * Saves the paper's draft now. Resolves true when nothing is pending afterwards for that text.
   * A failed save keeps the draft (state `failed`, with the reason) and shows a toast, once until
   * a save of that paper succeeds (the editor keeps showing the failure meanwhile).
   */
  async save(paperId: string): Promise<boolean> {
    const draft = this.drafts.get(paperId);
    if (!draft) return true;
    const { text } = draft;
    this.set(paperId, { text, state: { kind: 'saving' } });
    try {
      await this.write(paperId, text);
      if (this.drafts.get(paperId)?.text === text) this.set(paperId, undefined);
      this.reported.delete(paperId);
      return true;
    } catch (error) {
      // Storage failures in words; the library's own refusals (too long) say it themselves.
      const reason = isLibraryError(error) ? describeDbError(error) : errorMessage(error);
      if (this.drafts.get(paperId)?.text === text) {
        this.set(paperId, { text, state: { kind: 'failed', reason } });
      }
      // The editor shows the failure with Retry; a toast says it once, not at every retry.
      if (this.reported.get(paperId) !== reason) {
        this.reported.set(paperId, reason);
        showToast({ kind: 'error', title: 'Could not save the note', detail: reason });
      }
      return false;
    }
  }

  /** Saves every pending draft (the window is about to close). True when all were saved. */
  async flush(): Promise<boolean> {
    const results = await Promise.all([...this.drafts.keys()].map((id) => this.save(id)));
    return results.every(Boolean);
  }

  /** Follows changes to the drafts; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private set(paperId: string, draft: NoteDraft | undefined): void {
    if (this.drafts.get(paperId) === draft) return;
    const next = new Map(this.drafts);
    if (draft) next.set(paperId, draft);
    else next.delete(paperId);
    this.drafts = next;
    const mirrored = new Map(this.unrecovered);
    for (const [id, pending] of next) mirrored.set(id, pending.text);
    this.mirror?.write(mirrored);
    for (const listener of this.listeners) listener();
  }
}

/** The app's drafts, saved into the library. */
export const noteDrafts = new NoteDrafts(
  (paperId, text) => setNote(getLibrary(), paperId, text),
  localStorageMirror,
);

/** Saves the drafts the last run could not (call once the library is open). */
export function recoverNoteDrafts(): Promise<void> {
  return noteDrafts.recover();
}

/** Saves every pending note draft; true when all were saved. */
export function flushNoteDrafts(): Promise<boolean> {
  return noteDrafts.flush();
}

/** The unsaved draft of a paper, re-rendering when it changes. */
export function useNoteDraft(paperId: string): NoteDraft | undefined {
  return useSyncExternalStore(
    (listener) => noteDrafts.subscribe(listener),
    () => noteDrafts.get(paperId),
  );
}
