// Knowledge-base pages the seeds do not have: the three export formats with
// other titles, other counts and other lengths, written the way the site
// exports them (including its mojibake for curly quotes).

const MOJIBAKE_OPEN = 'โ€œ';
const MOJIBAKE_CLOSE = 'โ€';

const TOPICS = [
  'tenant isolation for a shared analytics service',
  'secrets rotation across three cloud accounts',
  'a design review backlog that doubled in a quarter',
  'an exception that product leadership wants extended',
  'a dependency with a known exploitable flaw in production',
  'threat modeling for a payments redesign',
  'a bug bounty report disputed by the owning team',
  'a platform migration that removes a security control',
  'logging gaps found after a customer escalation',
  'a security champion who left mid-project',
];

const topic = (n: number) => `${TOPICS[(n - 1) % TOPICS.length]} (case ${n})`;

/** An interview pack: audience line, "What strong … show" list, numbered questions with strong-answer bullets. */
export function interviewPack(role: string, questions: number): string {
  const lines = [
    'PS Product SecurityKnowledge Base',
    '',
    'Product Security Management and Director Handbook',
    '',
    `${role} Interview Pack (2026)`,
    '',
    `Audience: ${role.toLowerCase()}s and the panels that hire them. Format: ${questions} questions. Use with: Operating Models, Intake, and Ownership.`,
    '',
    'What strong candidates show',
    '',
    'They can:',
    '',
    '  • reason from the system, not from the checklist;',
    '  • make risk decisions that survive a post-incident review;',
    '  • explain trade-offs to the people who carry them.',
    '',
    `Design, judgment, and influence questions (${questions})`,
    '',
  ];
  for (let n = 1; n <= questions; n++) {
    lines.push(
      `${n}. How would you handle ${topic(n)}?`,
      '',
      'Strong answer should cover',
      '',
      `  • Name the owner, the risk and the deadline for ${topic(n)} before proposing a fix.`,
      '  • Offer options with their cost, not a single demand.',
      n % 3 === 0 ? '  • A weak answer escalates first. Strong candidates show the evidence that made escalation necessary.' : '  • Close the loop: what changed so that it does not recur.',
      '',
    );
  }
  return lines.join('\n');
}

/** A Q&A page: the list of questions, then each with "Employers ask this question …" and "Answer Example: …". */
export function qaPage(role: string, questions: number): string {
  const prompt = (n: number) => `Tell me how you would approach ${topic(n)}.`;
  const lines = [`${role} Interview Questions`, `Prepare for your ${role} interview with sample answers.`, `Interview Questions for ${role}`];
  for (let n = 1; n <= questions; n++) lines.push(prompt(n));
  lines.push('-');
  for (let n = 1; n <= questions; n++) {
    lines.push(
      prompt(n),
      `Employers ask this question to see how you reason under pressure. In your answer, show how you scope the problem, who you involve, and how you measure the outcome.`,
      `Answer Example: "I would start by mapping who owns ${topic(n)} and what it exposes. Then I would agree a first fix with the team and a date to review it."`,
      'Help us improve this answer. / -',
    );
  }
  return lines.join('\n');
}

/** A STAR story page: "What … stories must prove", cases with Situation to phrasing, and a closing note. */
export function starPage(role: string, stories: number): string {
  const lines = [
    'PS Product SecurityKnowledge Base',
    '',
    `${role} STAR Case Stories`,
    '',
    'Use this page for: interviews and promotion packets.',
    '',
    `What ${role.toLowerCase()} stories must prove`,
    '',
    'Strong answers need to prove that you can:',
    '',
    '  • set direction under constraint;',
    '  • make the trade-off explicit and owned.',
    '',
  ];
  for (let n = 1; n <= stories; n++) {
    lines.push(
      `Case ${n} โ€” Resolve ${topic(n)}`,
      '',
      'Situation',
      '',
      `Teams disagreed about ${topic(n)} and nobody owned the decision.`,
      '',
      'Task',
      '',
      'I had to get a decision that would hold.',
      '',
      'Action',
      '',
      'I laid out the options with their cost and asked each owner to sign one.',
      '',
      'Result',
      '',
      'The decision held through the next incident review.',
      '',
      'Why this story works in interviews',
      '',
      'It shows judgment and ownership.',
      '',
      'Strong phrasing to reuse',
      '',
      `  • ${MOJIBAKE_OPEN}I made the decision explicit before I made it fast.${MOJIBAKE_CLOSE}`,
      `  • ${MOJIBAKE_OPEN}Options with costs moved the room; demands did not.${MOJIBAKE_CLOSE}`,
      '',
    );
  }
  lines.push('Closing note', '', `${role} STAR answers land best when they show ownership.`, '', `If your story sounds like ${MOJIBAKE_OPEN}I helped${MOJIBAKE_CLOSE}, it is too weak.`, '');
  return lines.join('\n');
}
