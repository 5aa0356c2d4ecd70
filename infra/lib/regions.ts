import { Region } from "@pulumi/aws/types/enums";
import { nearest } from "../config/closest";

/**
 * Every region the AWS provider knows, from the `Region` enum @pulumi/aws ships
 * (node_modules/@pulumi/aws/types/enums/index.d.ts: "A Region represents any valid Amazon region that may be targeted
 * with deployments"); it grows with the provider, so no list is kept here. The provider refuses any other region
 * itself unless told to skip its region validation, so refusing it here only says so sooner, with the fix.
 */
export const AWS_REGIONS: readonly string[] = Object.values(Region);

/** Why `region` is not an AWS region, with the nearest ones, or undefined when it is one. */
export function regionProblem(region: string): string | undefined {
    if (AWS_REGIONS.includes(region)) {
        return undefined;
    }
    const close = nearest(region, AWS_REGIONS, 3);
    return `"${region}" is not an AWS region the provider (@pulumi/aws) knows.${close.length > 0 ? ` Did you mean ${close.map((r) => `"${r}"`).join(" or ")}?` : ""}`;
}
