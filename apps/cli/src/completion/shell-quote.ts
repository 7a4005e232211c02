// Quoting for generated shell scripts: single quotes, which bash, zsh and fish all read literally.

/** `text` in single quotes, safe in bash, zsh and fish. */
export function singleQuote(text: string): string {
  // bash and zsh close the quote, add an escaped quote and reopen; fish reads \' inside quotes.
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `text` in single quotes for fish, where a backslash and a quote are escaped inside the quotes. */
export function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
