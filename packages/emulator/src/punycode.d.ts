// Types for the punycode package's ES module (the package ships none; Dub imports it as `punycode/`).
declare module "punycode/punycode.es6.js" {
  /** Encodes each non-ASCII label of a domain name (or of a key, split on dots) as `xn--…`. */
  export function toASCII(input: string): string;
}
