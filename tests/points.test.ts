// What the packets make of a question's guidance, sentence by sentence: the
// sorting of strong-answer points and the points a Q&A page's prose lists.
// Inputs are the source pages' own sentences; the expected points are the
// same words, cut where a reader would cut them.
import { describe, expect, it } from 'vitest';
import { answerGuidance, bulletPoints, classify, listedPoints } from '../src/packets/points.js';
import { questionLabel } from '../src/packets/cues.js';
import { aboutTheCandidate, adviceListenFor, listenForPoints, strongListPoints } from '../src/packets/listenFor.js';
import { questionGuide } from '../src/packets/scorecard.js';
import { loadLibrary } from '../src/content/load.js';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const CONTENT = join(ROOT, 'content');

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

describe('listen-for points as an interviewer ticks them', () => {
  it.each([
    [
      'outline tenant isolation, identity, data encryption, secrets, and observability, and explain trade‑offs between hard isolation and operational simplicity.',
      ['Outlines tenant isolation', 'Outlines identity', 'Outlines data encryption', 'Outlines secrets', 'Outlines observability', 'Explains trade‑offs between hard isolation and operational simplicity'],
    ],
    [
      'show a lightweight framework (e.g., STRIDE) adapted for speed, how you partner with product/engineering, and how you translate findings into clear, prioritized mitigations.',
      ['Shows a lightweight framework (e.g., STRIDE) adapted for speed', 'Shows how they partner with product/engineering', 'Shows how they translate findings into clear, prioritized mitigations'],
    ],
    // A verb with a preposition governs the gerunds too; a bare verb leaves them as they are.
    ['focus on framing in product terms, offering options not blockers, and demonstrating measurable results.', ['Focuses on framing in product terms', 'Focuses on offering options not blockers', 'Focuses on demonstrating measurable results']],
    ['emphasize containment, evidence preservation, and building a lightweight, repeatable playbook.', ['Emphasizes containment', 'Emphasizes evidence preservation', 'Building a lightweight, repeatable playbook']],
    ['talk about scope control, SLAs, and automation.', ['Talks about scope control', 'Talks about SLAs', 'Talks about automation']],
    // A verb and a pronoun go on from the point before.
    ['outline how you select champions, support them, and measure the program’s effectiveness.', ['Outlines how they select champions, support them', 'Measures the program’s effectiveness']],
    ['explain the problem, your technical approach, and measurable outcomes.', ['Explains the problem', 'Explains their technical approach', 'Explains measurable outcomes']],
    ['identify data types, and minimize collection.', ['Identifies data types', 'Minimizes collection']],
  ])('%s', (sentence, points) => {
    expect(listenForPoints(sentence)).toEqual(points);
  });

  it('cuts advice that lists one point at its "and" where both halves stand alone', () => {
    expect(adviceListenFor(['balance outcome metrics with leading indicators and tie them to risk and business impact.'])).toEqual(['Balances outcome metrics with leading indicators', 'Ties them to risk and business impact']);
    expect(adviceListenFor(['call out specific anti‑patterns and guardrails you’d implement.'])).toEqual(['Calls out specific anti‑patterns', 'Calls out guardrails they’d implement']);
    // "discovery and cleanup of leaked secrets" is one thing: a long object is not cut.
    expect(adviceListenFor(['cover discovery and cleanup of leaked secrets across every environment.'])).toEqual(['Covers discovery and cleanup of leaked secrets across every environment']);
  });

  it('says "they" where the page said "you"', () => {
    expect(aboutTheCandidate('to see how you balance risk and scale yourself; you’ve got your data')).toBe('to see how they balance risk and scale themselves; they’ve got their data');
  });

  it('reads what a strong-answer sentence lists', () => {
    expect(strongListPoints('Good answers include what failed in the old model, what data changed the decision, and how the new model improved actionability.')).toEqual([
      'What failed in the old model',
      'What data changed the decision',
      'How the new model improved actionability',
    ]);
    expect(strongListPoints('Strong directors build successors and domain leads.')).toBeUndefined();
  });

  it('gives every bundled question two or more listen-for points, none a single word, none saying "you"', () => {
    const { library } = loadLibrary(CONTENT);
    for (const question of library.questions) {
      const { listenFor, whyAsked } = questionGuide(question);
      expect(listenFor.length, question.id).toBeGreaterThanOrEqual(2);
      for (const point of listenFor) {
        expect(point.split(/\s+/).length, `${question.id}: ${point}`).toBeGreaterThan(1);
        expect(point, question.id).not.toMatch(/\byour?\b/i);
      }
      expect(whyAsked ?? '', question.id).not.toMatch(/\byour?\b/i);
    }
  });
});
