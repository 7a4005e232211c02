import { expect, it } from "vitest";
import { upsertOutcome } from "./links-upsert.js";

const sentAt = Date.parse("2026-11-30T12:00:00.000Z");

it("tells a created, an updated and an unchanged link apart by their timestamps", () => {
  const now = "2026-11-30T12:00:00.200Z";
  const earlier = "2026-11-01T08:00:00.000Z";
  expect(upsertOutcome({ createdAt: now, updatedAt: now }, sentAt)).toBe("created");
  expect(upsertOutcome({ createdAt: earlier, updatedAt: now }, sentAt)).toBe("updated");
  expect(upsertOutcome({ createdAt: earlier, updatedAt: earlier }, sentAt)).toBe("unchanged");
  // A server clock up to a second behind still counts as now.
  expect(upsertOutcome({ createdAt: "2026-11-30T11:59:59.500Z" }, sentAt)).toBe("created");
  expect(upsertOutcome({}, sentAt)).toBe("unchanged");
});
