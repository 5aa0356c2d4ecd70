import { closest } from "../config/closest";

/**
 * The DB instance class types (`db.<type>.<size>`) RDS offers for MySQL, from AWS's "DB instance class types" and
 * "Supported DB engines for DB instance classes" pages
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Types.html,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html), December 2026.
 *
 * Kept here because nothing maintained ships it: @pulumi/aws's `rds.InstanceType` enum stops generations ago and
 * the SDK has no list (only DescribeOrderableDBInstanceOptions, which needs an account: `npm run test:live` asks
 * it for the stack's exact class, engine version and region before deploying). So this list only catches what an
 * offline plan can: a mistyped or made-up type. Sizes are checked by their grammar, since which sizes a type
 * offers varies by region. A type AWS adds later is refused until it is added here, with the message saying so.
 */
export const MYSQL_INSTANCE_CLASS_TYPES: readonly string[] = [
    // Burstable
    "t3",
    "t4g",
    // General purpose
    "m5",
    "m5d",
    "m6g",
    "m6gd",
    "m6i",
    "m6id",
    "m6idn",
    "m6in",
    "m7g",
    "m7i",
    "m8g",
    "m8gd",
    // Memory optimized
    "r5",
    "r5b",
    "r5d",
    "r6g",
    "r6gd",
    "r6i",
    "r6id",
    "r6idn",
    "r6in",
    "r7g",
    "r7i",
    "r8g",
    "r8gd",
    "x2g",
    "x2idn",
    "x2iedn",
    "x2iezn",
    "z1d",
    // Compute optimized (Multi-AZ DB clusters only; a single instance refuses it)
    "c6gd",
];

/** Burstable types: RDS offers them from micro up, the others from large up. */
const BURSTABLE = /^t\d/;
const SIZE = /^(?:micro|small|medium|large|xlarge|(?:[2-9]|[1-9]\d)xlarge|metal(?:-\d+xl)?)$/;
const SMALL_SIZES = new Set(["micro", "small", "medium"]);

/** Why `instanceClass` is not an RDS for MySQL DB instance class, or undefined when it looks like one. */
export function instanceClassProblem(instanceClass: string): string | undefined {
    const match = /^db\.([a-z0-9-]+)\.([a-z0-9-]+)$/.exec(instanceClass);
    if (match === null) {
        return `"${instanceClass}" is not a DB instance class (db.<type>.<size>, e.g. db.t4g.micro)`;
    }
    const [, type = "", size = ""] = match;
    if (type === "c6gd") {
        return `db.c6gd classes serve Multi-AZ DB clusters only, not a DB instance`;
    }
    if (!MYSQL_INSTANCE_CLASS_TYPES.includes(type)) {
        const hint = closest(type, MYSQL_INSTANCE_CLASS_TYPES);
        return (
            `"db.${type}" is not a DB instance class type RDS for MySQL offers${hint ? ` (did you mean db.${hint}.${size}?)` : ""}; ` +
            `if AWS has added it since, add it to infra/lib/instanceClasses.ts`
        );
    }
    if (!SIZE.test(size)) {
        return `"${size}" is not an instance size (micro, small, medium, large, xlarge, 2xlarge … 48xlarge, metal)`;
    }
    if (SMALL_SIZES.has(size) && !BURSTABLE.test(type)) {
        return `db.${type} has no ${size} size: only burstable types (db.t3, db.t4g) come below large`;
    }
    return undefined;
}
