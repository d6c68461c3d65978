import type { ListSort } from '../../../../shared/settings';

/** The orders a list offers, with their labels, in menu order. */
export const SORT_OPTIONS: readonly { readonly sort: ListSort; readonly label: string }[] = [
  { sort: 'listing', label: 'Listing date' },
  { sort: 'published', label: 'Published' },
  { sort: 'upvotes', label: 'Upvotes' },
  { sort: 'title', label: 'Title' },
  { sort: 'changed', label: 'Recently changed' },
];
