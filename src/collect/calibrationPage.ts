// calibration.pdf: how the interviewers of many loops rate, on one page a
// hiring manager reads at a glance — each one's spread over the scale, how
// far above or below their colleagues they rate, how often two steps apart,
// and the agreement of all (Krippendorff's alpha).
import { lexMarkdown } from '../render/markdown.js';
import { PACKET_TITLES, type TemplateSet } from '../render/templates.js';
import { themeFor } from '../render/theme.js';
import { layOut } from '../render/typeset.js';
import type { Paper, Tagging } from '../render/document.js';
import { count } from '../text/plural.js';
import type { Calibration } from './calibration.js';

/** Krippendorff's own reading of α: ≥ 0.800 reliable, ≥ 0.667 tentative. */
export function alphaVerdict(alpha: number): string {
  if (alpha >= 0.8) return 'the interviewers rate alike';
  if (alpha >= 0.667) return 'tentative agreement; worth a calibration session';
  return 'the interviewers do not yet rate alike (0.8 is reliable, 0.667 tentative): calibrate before relying on single ratings';
}

export function calibrationContext(calibration: Calibration) {
  const offsets = calibration.interviewers.filter((i) => i.meanOffset !== null);
  const largest = Math.max(1, ...offsets.map((i) => Math.abs(i.meanOffset!)));
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(2)}`;
  return {
    loops: calibration.loops,
    ratings: calibration.interviewers.reduce((n, i) => n + i.ratings, 0),
    units: calibration.units,
    alpha: calibration.alpha === null ? null : calibration.alpha.toFixed(3),
    verdict: calibration.alpha === null ? '' : alphaVerdict(calibration.alpha),
    scale: [...calibration.ratings, calibration.notAssessed],
    interviewers: calibration.interviewers.map((i) => ({
      ...i,
      offset: i.meanOffset === null ? '—' : signed(i.meanOffset),
      apartShare: i.shared ? `${i.apart} of ${i.shared} (${Math.round((100 * i.apart) / i.shared)} %)` : '—',
    })),
    offsets: offsets.map((i) => ({ interviewer: i.interviewer, value: i.meanOffset!.toFixed(3) })),
    range: Math.ceil(largest * 2) / 2,
  };
}

/** The calibration page of many loops, in the debrief sheet's theme. */
export async function calibrationPdf(calibration: Calibration, templates: TemplateSet, paper: Paper, creationDate: Date, tagging: Tagging = {}): Promise<Buffer> {
  const title = PACKET_TITLES.calibration;
  const laidOut = await layOut(lexMarkdown(templates.templates.calibration.render(calibrationContext(calibration))), themeFor(templates.theme, 'debrief'), {
    title,
    subject: `${title}: ${count(calibration.loops, 'loop')}, ${count(calibration.interviewers.length, 'interviewer')}`,
    author: 'preppack',
    keywords: ['packet:calibration'],
    header: title,
    footnote: `Collected from ${count(calibration.loops, 'loop')}`,
    creationDate,
    paper,
    ...tagging,
  });
  return laidOut.draw();
}
