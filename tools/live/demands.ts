import { T } from "../../infra/lib/resourceTypes";
import type { StackPlan } from "../plan/run";
import type { StackDemands } from "./account";

/** What a stack asks of the account, read from its plan: the database's class and engine version, the reservations. */
export function stackDemands(plan: Pick<StackPlan, "stack" | "resources">): StackDemands {
    const db = plan.resources.find((r) => r.type === T.rdsInstance);
    if (db === undefined || typeof db.inputs.instanceClass !== "string" || typeof db.inputs.engineVersion !== "string") {
        throw new Error(`the plan of stack ${plan.stack} has no database instance with a class and an engine version`);
    }
    const reservedConcurrency = Object.fromEntries(
        plan.resources
            .filter((r) => r.type === T.lambdaFunction && typeof r.inputs.reservedConcurrentExecutions === "number")
            .map((r) => [r.name, r.inputs.reservedConcurrentExecutions as number]),
    );
    return { instanceClass: db.inputs.instanceClass, engineVersion: db.inputs.engineVersion, reservedConcurrency };
}
