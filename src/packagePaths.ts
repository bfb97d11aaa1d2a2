// Where preppack's own files are, found from this compiled module: the
// bundled templates and fonts, the compiled code, the patches to pdfmake and
// pdfkit. A module of its own so that asking where they are loads nothing.
import { fileURLToPath } from 'node:url';

export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));
export const FONTS_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));
export const CODE_DIR = fileURLToPath(new URL('./', import.meta.url));
export const PATCHES_DIR = fileURLToPath(new URL('../patches/', import.meta.url));
