// The house style: fonts, sizes, colours and margins, read from theme.json
// beside the templates so a user restyles without touching TypeScript.
import { z } from 'zod';

const margins = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const themeSchema = z.object({
  font: z.string(),
  fontSize: z.number().positive(),
  lineHeight: z.number().positive(),
  pageMargins: margins,
  headerMargin: margins,
  footerMargin: margins,
  tickBox: z.string().min(1),
  /** Fonts for characters the theme's font lacks, before the installed ones: files (from theme.json's folder) or installed family names. */
  fallbackFonts: z.array(z.string().min(1)).default([]),
  writeLineGap: z.number().positive(),
  colors: z.record(z.string(), z.string()),
  styles: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Per-packet changes to the above, e.g. a denser cheat sheet. */
  packets: z
    .record(
      z.string(),
      z
        .object({
          fontSize: z.number().positive(),
          lineHeight: z.number().positive(),
          pageMargins: margins,
          headerMargin: margins,
          footerMargin: margins,
          writeLineGap: z.number().positive(),
          /** Changes to named styles, merged into the theme's. */
          styles: z.record(z.string(), z.record(z.string(), z.unknown())),
        })
        .partial()
        .strict(),
    )
    .default({}),
});

export type Theme = z.infer<typeof themeSchema>;

/** The theme as one packet sees it: its overrides applied. */
export function themeFor(theme: Theme, packet: string): Theme {
  const { styles = {}, ...sizes } = theme.packets[packet] ?? {};
  const merged = { ...theme.styles };
  for (const [name, style] of Object.entries(styles)) merged[name] = { ...(theme.styles[name] ?? {}), ...style };
  return { ...theme, ...sizes, styles: merged };
}

/** Styles that keep their size when a page's text is scaled: the running head and foot. */
const FIXED_STYLES = new Set(['runningHeader', 'footer']);

/** The theme with every type size of the page's text multiplied by `factor` (the cheat sheet's fit-to-page). */
export function scaleTheme(theme: Theme, factor: number): Theme {
  const scaled = structuredClone(theme);
  scaled.fontSize = theme.fontSize * factor;
  for (const [name, style] of Object.entries(scaled.styles)) {
    if (FIXED_STYLES.has(name)) continue;
    if (typeof style.fontSize === 'number') style.fontSize *= factor;
    if (Array.isArray(style.margin)) style.margin = style.margin.map((m) => (typeof m === 'number' ? m * factor : m));
  }
  scaled.writeLineGap *= factor;
  return scaled;
}
