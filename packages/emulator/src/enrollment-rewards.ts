// The reward and discount ids an enrollment carries: copied from its group when it joins or is approved, and all
// cleared when it is banned, deactivated or rejected.
import type { EnrollmentRecord } from "./records.js";
import type { Group } from "./workspace.js";

/** The enrollment fields that name its rewards and discount. */
export type EnrollmentRewards = Pick<
  EnrollmentRecord,
  "clickRewardId" | "leadRewardId" | "saleRewardId" | "referralRewardId" | "discountId"
>;

/** No rewards and no discount. */
export const NO_REWARDS: Readonly<EnrollmentRewards> = {
  clickRewardId: null,
  leadRewardId: null,
  saleRewardId: null,
  referralRewardId: null,
  discountId: null,
};

/** The group's rewards and discount, as an enrollment in it gets them. */
export function groupRewards(group: Group): EnrollmentRewards {
  return {
    clickRewardId: group.clickRewardId,
    leadRewardId: group.leadRewardId,
    saleRewardId: group.saleRewardId,
    referralRewardId: group.referralRewardId,
    discountId: group.discountId,
  };
}
