// The library's build, and `preppack build`'s: a build asked again with
// nothing changed is answered from the run stamp the last build left, before
// anything else loads (unchangedBuild.ts); any other reads the content and
// renders what changed (requestedBuild.ts).
import type { BuildOptions, BuildOutcome } from './requestedBuild.js';
import { unchangedBuild } from './unchangedBuild.js';

export type { BuildOptions, BuildOutcome } from './requestedBuild.js';

/** Builds the packets into `outDir` and says what it wrote; throws a PreppackError when the input or the request is wrong. */
export async function buildPackets(options: BuildOptions): Promise<BuildOutcome> {
  const unchanged = unchangedBuild(options);
  if (unchanged) {
    const { said, ...outcome } = unchanged;
    options.onWarnings?.(said);
    return outcome;
  }
  const { requestedBuild } = await import('./requestedBuild.js');
  return requestedBuild(options);
}
