// What the packets make of a question's guidance, sentence by sentence: the
// sorting of strong-answer points and the points a Q&A page's prose lists.
// Inputs are the source pages' own sentences; the expected points are the
// same words, cut where a reader would cut them.
import { describe, expect, it } from 'vitest';
import { answerGuidance, bulletPoints, classify, listedPoints } from '../src/packets/points.js';
import { questionLabel } from '../src/packets/cues.js';

describe('strong-answer sentences', () => {
  it.each([
    ['A weak answer claims ownership of everything.', 'weak'],
    ['Mature leaders design shared ownership deliberately.', 'strong'],
    ['Strong answers describe where external help fits and where it should not own decisions.', 'strong'],
    ['Good answers include what failed in the old model.', 'strong'],
    ['Interviewers often ask this to probe judgment and self-awareness.', 'context'],
    ['Interviewers listen for humility plus operational rigor.', 'context'],
    ['Weak for long-term ownership and internal trust if used as a substitute for program design.', 'listen'],
    ['Avoid speculation and avoid jargon overload.', 'listen'],
  ])('"%s" is %s', (sentence, kind) => {
    expect(classify(sentence)).toBe(kind);
  });

  it('splits a bullet into its sentences, each sorted', () => {
    expect(bulletPoints('A weak answer claims ownership of everything. Mature leaders design shared ownership deliberately.')).toEqual([
      { kind: 'weak', text: 'A weak answer claims ownership of everything.' },
      { kind: 'strong', text: 'Mature leaders design shared ownership deliberately.' },
    ]);
    // A list inside a bullet's sentence is that point's content, not several points.
    expect(bulletPoints('Use severity plus exposure, asset criticality, exploitability, tenant impact, and time sensitivity.')).toHaveLength(1);
  });
});

describe('the points a sentence of guidance lists', () => {
  it.each([
    [
      'show a lightweight framework (e.g., STRIDE) adapted for speed, how you partner with product/engineering, and how you translate findings into clear, prioritized mitigations that don’t derail the MVP timeline.',
      ['Show a lightweight framework (e.g., STRIDE) adapted for speed', 'How you partner with product/engineering', 'How you translate findings into clear, prioritized mitigations that don’t derail the MVP timeline'],
    ],
    [
      'outline tenant isolation, identity, data encryption, secrets, and observability, and explain trade‑offs between hard isolation and operational simplicity.',
      ['Outline tenant isolation', 'Identity', 'Data encryption', 'Secrets', 'Observability', 'Explain trade‑offs between hard isolation and operational simplicity'],
    ],
    ['emphasize containment, evidence preservation, customer care, and building a lightweight, repeatable playbook.', ['Emphasize containment', 'Evidence preservation', 'Customer care', 'Building a lightweight, repeatable playbook']],
    [
      'focus on guardrails over gates: self‑serve tooling, actionable findings, and training embedded in the workflow, not slide decks.',
      ['Focus on guardrails over gates', 'Self‑serve tooling', 'Actionable findings', 'Training embedded in the workflow, not slide decks'],
    ],
    ['connect your experience to their product, stage, and challenges, and show you’ve done your homework.', ['Connect your experience to their product, stage, and challenges', 'Show you’ve done your homework']],
    ['explain the problem, your technical approach, and measurable outcomes.', ['Explain the problem', 'Your technical approach', 'Measurable outcomes']],
    ['balance outcome metrics with leading indicators and tie them to risk and business impact.', ['Balance outcome metrics with leading indicators and tie them to risk and business impact']],
  ])('%s', (sentence, points) => {
    expect(listedPoints(sentence)).toEqual(points);
  });

  it('reads a why-asked text into what the question is for and the points to listen for', () => {
    const guidance = answerGuidance(
      'Employers ask this question to see how you balance risk, effort, and business impact. In your answer, discuss risk scoring beyond CVSS (exploitability, reachability, asset criticality), batching by ease of remediation, and engaging owners with clear SLAs.',
    );
    expect(guidance.purpose).toBe('Employers ask this question to see how you balance risk, effort, and business impact.');
    expect(guidance.points).toEqual(['Discuss risk scoring beyond CVSS (exploitability, reachability, asset criticality)', 'Batching by ease of remediation', 'Engaging owners with clear SLAs']);
  });
});

describe('a question label for the cheat sheet', () => {
  it.each([
    ['Walk me through how you’d threat model a brand‑new feature we’re rushing to MVP in the next two sprints.', 'Threat model a brand‑new feature we’re rushing…'],
    ['How do you build the bench under you?', 'Build the bench under you'],
    ['Tell me about a time you intentionally slowed delivery.', 'Intentionally slowed delivery'],
  ])('%s → %s', (prompt, label) => {
    expect(questionLabel(prompt)).toBe(label);
  });
});
