// Calibration across loops (`collect` over a roster's loops): how each
// interviewer rates — how many ratings, their spread over the scale, how far
// above or below the rest of their panels they rate the same competency, how
// often they are two or more steps from a colleague — and how far the
// interviewers agree as a whole (Krippendorff's alpha, ordinal).
//
// A unit is one competency in one loop; an interviewer's value in it is the
// median of their ratings of its questions (the lower middle of an even
// count), so that one person's own spread over two questions is not counted
// as disagreement between people.
import { DISAGREEMENT_STEPS, type LoopRatings } from './collect.js';
import { krippendorffAlpha } from './krippendorff.js';

export interface InterviewerCalibration {
  interviewer: string;
  loops: number;
  /** Ratings on the scale (Not assessed and blanks apart). */
  ratings: number;
  /** How many of each rating, worst first, then Not assessed. */
  distribution: number[];
  /** Their value minus the mean of the others' in the same unit, averaged over the units they share; null if they share none. */
  meanOffset: number | null;
  /** Units they share with another interviewer. */
  shared: number;
  /** Of those, units where they are `DISAGREEMENT_STEPS` or more from someone. */
  apart: number;
}

export interface Calibration {
  loops: number;
  interviewers: InterviewerCalibration[];
  /** Krippendorff's alpha (ordinal) over every unit two or more interviewers rated; null when there is none. */
  alpha: number | null;
  /** Units with two or more interviewers' values. */
  units: number;
  ratings: readonly string[];
  notAssessed: string;
}

const lowerMedian = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Each unit (loop × competency) as the value each interviewer gave it. */
function unitsOf(loops: readonly LoopRatings[]): Map<string, number>[] {
  return loops.flatMap((loop) =>
    loop.competencies.map((c) => {
      const byInterviewer = new Map<string, number[]>();
      for (const r of c.ratings) byInterviewer.set(r.interviewer, [...(byInterviewer.get(r.interviewer) ?? []), r.score]);
      return new Map([...byInterviewer].map(([name, scores]) => [name, lowerMedian(scores)]));
    }),
  );
}

export function calibrate(loops: readonly LoopRatings[]): Calibration {
  const units = unitsOf(loops).filter((unit) => unit.size >= 2);
  const names = [...new Set(loops.flatMap((loop) => loop.sheets.map((s) => s.data.interviewer)))];
  const ratings = loops[0]?.ratings ?? [];
  const interviewers = names.map((name): InterviewerCalibration => {
    const sheets = loops.flatMap((loop) => loop.sheets.filter((s) => s.data.interviewer === name));
    const given = sheets.flatMap((s) => s.questions);
    const distribution = [...ratings.map((label) => given.filter((q) => q.rating === label).length), given.filter((q) => q.rating !== null && q.score === null).length];
    const theirs = units.filter((unit) => unit.has(name));
    const offsets = theirs.map((unit) => {
      const others = [...unit].filter(([other]) => other !== name).map(([, v]) => v);
      return unit.get(name)! - others.reduce((a, b) => a + b, 0) / others.length;
    });
    return {
      interviewer: name,
      loops: sheets.length,
      ratings: given.filter((q) => q.score !== null).length,
      distribution,
      meanOffset: offsets.length ? offsets.reduce((a, b) => a + b, 0) / offsets.length : null,
      shared: theirs.length,
      apart: theirs.filter((unit) => [...unit].some(([other, v]) => other !== name && Math.abs(v - unit.get(name)!) >= DISAGREEMENT_STEPS)).length,
    };
  });
  const alpha = krippendorffAlpha(units.map((unit) => [...unit.values()]), 'ordinal');
  return { loops: loops.length, interviewers, alpha: alpha ?? null, units: units.length, ratings, notAssessed: loops[0]?.notAssessed ?? 'Not assessed' };
}
