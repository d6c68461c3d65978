import { describe, expect, it } from 'vitest';
import {
  clickSelection,
  EMPTY_SELECTION,
  moveFocus,
  nextAfterAction,
  pruneSelection,
  selectOnly,
} from '../../../src/renderer/src/features/library/selection';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('list selection', () => {
  it('plain, toggle and range clicks', () => {
    const one = clickSelection(EMPTY_SELECTION, ids, 'b', { toggle: false, range: false });
    expect([...one.selected]).toEqual(['b']);
    const range = clickSelection(one, ids, 'd', { toggle: false, range: true });
    expect([...range.selected]).toEqual(['b', 'c', 'd']);
    expect(range.focused).toBe('d');
    const toggled = clickSelection(range, ids, 'c', { toggle: true, range: false });
    expect([...toggled.selected].sort()).toEqual(['b', 'd']);
    const backwards = clickSelection(selectOnly('d'), ids, 'a', { toggle: false, range: true });
    expect([...backwards.selected]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves the focus with j/k and stays within the list', () => {
    expect(moveFocus(EMPTY_SELECTION, ids, 1).focused).toBe('a');
    expect(moveFocus(EMPTY_SELECTION, ids, -1).focused).toBe('e');
    expect(moveFocus(selectOnly('e'), ids, 1).focused).toBe('e');
    expect(moveFocus(selectOnly('b'), ids, -1).focused).toBe('a');
    expect(moveFocus(selectOnly('b'), [], 1)).toBe(EMPTY_SELECTION);
  });

  it('picks the next paper after a triage action, skipping the acted-on ones', () => {
    expect(nextAfterAction(ids, 'b', new Set(['b']))).toBe('c');
    expect(nextAfterAction(ids, 'b', new Set(['b', 'c', 'd']))).toBe('e');
    expect(nextAfterAction(ids, 'e', new Set(['e']))).toBe('d');
    expect(nextAfterAction(['a'], 'a', new Set(['a']))).toBeNull();
  });

  it('drops papers that left the list', () => {
    const state = clickSelection(selectOnly('b'), ids, 'd', { toggle: false, range: true });
    const pruned = pruneSelection(state, ['a', 'c', 'e']);
    expect([...pruned.selected]).toEqual(['c']);
    expect(pruned.focused).toBe('c');
    expect(pruneSelection(state, ids)).toBe(state);
  });
});
