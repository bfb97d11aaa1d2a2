/** Escapes what Markdown would read as markup in a line of plain text. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/([\\`*_<[\]])/g, '\\$1');
  // Backslash-escape the punctuation itself: CommonMark only escapes punctuation.
  // A leading "::" would be read as a layout directive.
  return inline.replace(/^(#|>|[-+](?=\s)|:(?=:))/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}
