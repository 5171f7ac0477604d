/**
 * Whether and how the browser lets the page open folders (Chromium's File System Access API).
 * Kept apart from the folder code, which loads only when a folder is used.
 */

interface PickerWindow {
  showDirectoryPicker?: (options?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
}
interface PermissionHandle {
  queryPermission?: (d: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (d: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
}

/** Whether this browser can open and write folders (Chromium's File System Access API). */
export function canPickFolders(): boolean {
  return typeof window !== 'undefined' && typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** Asks the user for a folder; null when they cancel. */
export async function pickFolder(mode: 'read' | 'readwrite'): Promise<FileSystemDirectoryHandle | null> {
  const pick = (window as PickerWindow).showDirectoryPicker;
  if (!pick) throw new Error('This browser cannot open folders.');
  try {
    return await pick.call(window, { id: 'polyglot-project', mode });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
}

/** Asks for write access to a folder when the browser has not granted it yet; true when granted. */
export async function mayWrite(handle: FileSystemDirectoryHandle): Promise<boolean> {
  const h = handle as FileSystemDirectoryHandle & PermissionHandle;
  if (!h.queryPermission || !h.requestPermission) return true;
  if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
  return (await h.requestPermission({ mode: 'readwrite' })) === 'granted';
}
