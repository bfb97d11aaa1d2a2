// preppack as a library: what a team scripts its own packets with. The CLI
// is a layer over it (`preppack build` prints what buildPackets returns);
// everything else in dist/ is internal and not importable (package.json
// "exports").
import { loadLibrary as load } from './content/load.js';
import type { Library } from './content/model.js';
import type { Problem } from './problems.js';
import type { Paper } from './render/document.js';
import { loadTemplates, PACKETS, type Packet } from './render/templates.js';
import type { PrintSettings } from './packets/common.js';
import { join, resolve } from 'node:path';

export type { Competency, Level, Library, Question, Story } from './content/model.js';
export type { Problem, Severity, StopReason } from './problems.js';
export type { Manifest, ManifestBundle, ManifestFile } from './pipeline/manifest.js';
export type { BuildResult, BuiltFile } from './pipeline/build.js';
export type { BuildOptions, BuildOutcome } from './pipeline/buildPackets.js';
export type { PersonalOptions } from './loops/sheet.js';
export type { Shard, ShardRecord } from './pipeline/shards.js';
export type { PanelPlan, Seat } from './loops/panel.js';
export type { Paper, Packet, PrintSettings };
// buildPackets: the packets into a folder, as `preppack build` makes them; nothing is printed.
export { buildPackets } from './pipeline/buildPackets.js';
export { planPanel } from './loops/panel.js';
export { collectRatings } from './collect/collect.js';
export type { Collected, LoopRatings, RatingRow, SheetInput } from './collect/collect.js';
// PreppackError: the input or the request is wrong; every problem with its file and line, and why it stopped.
export { PreppackError, formatProblem } from './problems.js';
export { PACKETS };

/**
 * Fallback fonts for what the theme's font lacks, before the installed ones
 * (the config's `fonts:` in the CLI): font files or installed family names.
 * A font that cannot be found or read is a PreppackError naming it.
 */
export async function useFonts(fonts: readonly string[]): Promise<void> {
  const { configuredFont, useFallbackFonts } = await import('./fonts/fontChain.js');
  const { error, PreppackError: Stop } = await import('./problems.js');
  const opened = fonts.map((font) => ({ font, opened: configuredFont(font) }));
  const wrong = opened.filter((o) => typeof o.opened === 'string');
  if (wrong.length) throw new Stop(wrong.map((o) => error(o.font, 0, String(o.opened))));
  useFallbackFonts(opened.map((o) => o.opened as Exclude<typeof o.opened, string>));
}

/** The content library of a folder, and every problem found in it (errors and warnings). */
export function loadLibrary(contentDir: string): { library: Library; problems: Problem[] } {
  const { library, problems } = load(contentDir);
  return { library, problems };
}

export interface RenderOptions {
  paper?: Paper;
  /** Start with a contents page. */
  toc?: boolean;
  /** Where images are looked for (default: the working folder). */
  baseDir?: string;
  /** A folder with a theme.json to use instead of the bundled one. */
  templatesDir?: string;
  /** Tagged for screen readers (PDF/UA-1) unless false. */
  tagged?: boolean;
  /** The PDF's language (BCP 47) if the Markdown's front matter does not say (`lang:`); default en. */
  language?: string;
}

/** Any Markdown as a PDF in the house style, as `preppack render` makes it; nothing is written. */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<{ bytes: Buffer; pages: number; warnings: Problem[] }> {
  // Loaded when used: the render stack (pdfkit, fontkit) costs a build that renders nothing a quarter of a second.
  const { renderMarkdownFiles } = await import('./pipeline/markdownFiles.js');
  const { theme } = loadTemplates(options.templatesDir);
  const path = join(resolve(options.baseDir ?? '.'), 'document.md');
  const { rendered, warnings } = await renderMarkdownFiles([{ path, text: markdown }], { theme, paper: options.paper ?? 'letter', toc: options.toc ?? false, tagging: { tagged: options.tagged, language: options.language } });
  return { bytes: rendered[0]!.bytes, pages: rendered[0]!.pages, warnings };
}
