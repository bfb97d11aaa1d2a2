// What each rating sounds like for one question, stated from the question's
// own listen-for points, so that "Yes" means the same to every interviewer
// and no wording is invented: with 6 points, "Definitely not: 0–1 of 6 or a
// red flag · No: 2–3 of 6, or vague · Yes: 4 of 6, own examples · Strong
// yes: 5+ of 6, own examples" (behaviourally anchored rating scales, as
// Google re:Work describes them). Short, so that each fits under its rating
// in a line or two; the sheet's key says how they are counted. The red flags
// themselves are printed once, above; an anchor only points at them.

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

/** The four anchors, worst rating first, for a question with `points` listen-for points. */
export function derivedAnchors(points: number, redFlags: boolean): [string, string, string, string] {
  const orFlag = redFlags ? ' or a red flag' : '';
  if (points >= 3) {
    const strong = Math.ceil(points * 0.8);
    const yes = Math.ceil(points * 0.6);
    const some = Math.ceil(points * 0.3);
    return [
      `${range(0, some - 1)} of ${points}${orFlag}`,
      `${range(some, yes - 1)} of ${points}, or vague`,
      `${range(yes, strong - 1)} of ${points}, own examples`,
      `${strong === points ? `All ${points}` : `${strong}+ of ${points}`}, own examples`,
    ];
  }
  if (points >= 1) return [`Misses it${orFlag}`, 'Only in general terms', 'Covers it, own example', 'In depth, own examples'];
  return [`Against the bar${orFlag}`, 'Below the bar', 'Meets the bar', 'Well above the bar'];
}
