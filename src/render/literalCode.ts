// Markdown prints code as written: `&#3334;` in a code span or a fenced
// block is those seven characters, not the letter they would stand for. Text
// checks that decode character references (coverage.ts) read a Markdown file
// with the ampersands of its code turned to spaces, every line and column
// kept.

/** The Markdown with each `&` inside a code span or a fenced code block replaced by a space. */
export function withLiteralCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  return lines
    .map((line) => {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && line.trim() === opening[1]) fence = undefined;
        return line.replace(/&/g, ' ');
      }
      if (opening) {
        fence = opening[1];
        return line;
      }
      // A code span: a run of backticks, up to the next run of the same length.
      return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => span.replace(/&/g, ' '));
    })
    .join('\n');
}
