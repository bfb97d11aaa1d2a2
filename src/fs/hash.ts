// The hash that names a file's bytes in manifests and journals.
import { createHash } from 'node:crypto';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
