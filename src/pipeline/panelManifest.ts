// out/panels/<candidate>/manifest.json: what a panel run wrote for one
// candidate, so that the next run for that candidate knows which files are
// its own. A rerun with fewer interviewers removes the sheets it no longer
// makes (only those whose bytes are still the ones written); nothing else in
// the folder is touched.
import { z } from 'zod';
import { isPlainRelativePath, type OutputFolder } from '../fs/outputFolder.js';
import { readInput } from '../fs/readInput.js';
import { TOOL_VERSION } from '../version.js';

export interface PanelManifest {
  tool: { name: 'preppack'; version: string };
  candidate: string;
  level: string;
  seed: number;
  date?: string;
  interviewers: string[];
  /** Paths below the output folder, as build's manifest names them. */
  files: { path: string; sheet: string; pages: number; bytes: number; sha256: string }[];
}

const panelManifestSchema: z.ZodType<PanelManifest> = z
  .object({
    tool: z.object({ name: z.literal('preppack'), version: z.string() }).strict(),
    candidate: z.string(),
    level: z.string(),
    seed: z.number().int(),
    date: z.string().optional(),
    interviewers: z.array(z.string()),
    files: z.array(
      z.object({ path: z.string().refine(isPlainRelativePath), sheet: z.string(), pages: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    ),
  })
  .strict();

export const panelManifestPath = (folder: string) => `${folder}/manifest.json`;

/** The manifest an earlier panel run left in a candidate's folder, if it is one preppack wrote. */
export function readPanelManifest(output: OutputFolder, folder: string): PanelManifest | undefined {
  const path = panelManifestPath(folder);
  if (output.kind(path) !== 'file') return undefined;
  const read = readInput(output.pathOf(path), 'manifest', output.shown(path));
  if ('problem' in read) return undefined;
  try {
    const parsed = panelManifestSchema.safeParse(JSON.parse(read.bytes.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function panelManifestText(manifest: Omit<PanelManifest, 'tool'>): string {
  return `${JSON.stringify({ tool: { name: 'preppack', version: TOOL_VERSION }, ...manifest }, null, 2)}\n`;
}
