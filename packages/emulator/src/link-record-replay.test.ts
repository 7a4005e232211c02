// Replay validation of the link fields the link endpoints store (userId, folderId, tagIds): optional, so files
// written before them still load, and checked when present.
import { describe, expect, it } from "vitest";
import { changeProblem } from "./stored-change.js";

const link = {
  id: "link_1",
  workspaceId: "ws_1",
  programId: "prog_1",
  partnerId: "pn_1",
  domain: "refer.acme.test",
  key: "jane",
  url: "https://acme.test",
  externalId: null,
  tenantId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  props: {},
};

describe("replayed link events", () => {
  it("accept a link without the new fields, and with them well formed", () => {
    expect(changeProblem([{ type: "link", link }])).toBeUndefined();
    expect(
      changeProblem([
        { type: "link", link: { ...link, userId: "user_1", folderId: null, tagIds: ["tag_1"] } },
      ]),
    ).toBeUndefined();
    expect(
      changeProblem([
        { type: "link-update", id: "link_1", patch: { tagIds: [], userId: null, folderId: "fold_1" } },
      ]),
    ).toBeUndefined();
  });

  it("name a new field of the wrong shape", () => {
    expect(changeProblem([{ type: "link", link: { ...link, tagIds: "tag_1" } }])).toBe(
      'event 1.link.tagIds: expected a list of text, got text "tag_1"',
    );
    expect(changeProblem([{ type: "link-update", id: "link_1", patch: { tagIds: [1] } }])).toBe(
      "event 1.patch.tagIds: [0]: expected text, got number 1",
    );
    expect(changeProblem([{ type: "link-update", id: "link_1", patch: { userId: 5 } }])).toBe(
      "event 1.patch.userId: expected text, got number 5",
    );
  });
});
