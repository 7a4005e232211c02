// The smoke program as an ES module app writes it: the packages loaded with `import`.
import { Conflict, InvalidRequestError } from "@dubkit/core";
import { Dub } from "@dubkit/partners";
import { main } from "./main.mjs";

await main(
  { Dub, Conflict, InvalidRequestError },
  {
    loadedAs: "import",
    resolved: import.meta.resolve("@dubkit/partners"),
    transport: import.meta.resolve("@dubkit/fetch"),
  },
);
