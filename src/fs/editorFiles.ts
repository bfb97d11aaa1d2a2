// The files editors write beside the one being saved, and that are never
// content: swap and lock files, backups, the temporary file a safe save
// writes before renaming it into place. `watch` ignores them, so a save is
// one change to the file saved and nothing else.

const EDITOR_FILES: RegExp[] = [
  /^\..*\.sw[a-p]$/i, // vim swap files: .notes.md.swp, .swo, .swx…
  /^4913$/, // vim's test that it may write in the folder
  /~$/, // backups: vim, emacs, gedit, nano (notes.md~)
  /^\.#/, // emacs lock files
  /^#.*#$/, // emacs autosaves
  /^sed[A-Za-z0-9]{6}$/, // sed -i
  /___jb_(?:tmp|old|bak)___$/, // JetBrains safe write
  /^\.goutputstream-[A-Za-z0-9]+$/, // gedit and GLib
  /\.kate-swp$/i, // Kate
  /\.(?:tmp|temp|bak|orig|swp|crdownload|part)$/i, // generic temporary files
  /^\.DS_Store$|^Thumbs\.db$|^desktop\.ini$/i, // folder metadata of macOS and Windows
];

/** An editor's or the system's side file (by its name alone), not content. */
export const isEditorFile = (name: string): boolean => EDITOR_FILES.some((pattern) => pattern.test(name));
