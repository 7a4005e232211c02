// The smoke program as a CommonJS app writes it: the packages loaded with `require`. The shared steps are ESM, so
// they come in through `import()`; the packages under test are the ones `require` returned.
const { Conflict, InvalidRequestError } = require("@dubkit/core");
const { Dub } = require("@dubkit/partners");

import("./main.mjs").then(({ main }) =>
  main(
    { Dub, Conflict, InvalidRequestError },
    {
      loadedAs: "require",
      resolved: require.resolve("@dubkit/partners"),
      transport: require.resolve("@dubkit/fetch"),
    },
  ),
);
