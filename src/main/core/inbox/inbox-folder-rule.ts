import { realpath } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';

/** The real path of `path` (symbolic links resolved), or its plain absolute form if it does not exist. */
async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * Why `folder` cannot be the inbox, or null when it can. The user-data folder, anything inside it
 * and anything containing it are refused: the app writes its ledger, settings and library there,
 * and watching its own files would import (and report) them in an endless loop.
 */
export async function inboxFolderProblem(
  folder: string,
  userDataFolder: string,
): Promise<string | null> {
  const [inbox, data] = await Promise.all([realOrResolved(folder), realOrResolved(userDataFolder)]);
  if (!within(inbox, data) && !within(data, inbox)) return null;
  return `${folder} cannot be the inbox folder: it ${within(inbox, data) ? (inbox === data ? 'is' : 'is inside') : 'contains'} Paper Queue's own data folder (${userDataFolder}). Choose another folder.`;
}
