// English plurals for counts in messages: "1 partner", "2 partners".

/** `count` and `noun`, with `plural` (default: noun + "s") unless the count is exactly one. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : pluralNoun}`;
}
