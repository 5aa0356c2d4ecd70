/**
 * The `prx-…` resource id of an RDS Proxy, taken from its ARN
 * (`arn:aws:rds:<region>:<account>:db-proxy:prx-0123456789abcdef`). IAM database authentication
 * through a proxy is authorised on this id, not on the proxy's name or the instance's resource id.
 */
export function proxyResourceId(proxyArn: string): string {
    const id = proxyArn.split(":").pop() ?? "";
    if (!/^prx-[0-9a-z]+$/.test(id)) {
        throw new Error(`not an RDS Proxy ARN: "${proxyArn}"`);
    }
    return id;
}

/** The resource of `rds-db:connect` for one database user through one proxy. */
export function rdsDbConnectArn(args: { partition: string; region: string; accountId: string; proxyArn: string; dbUser: string }): string {
    return `arn:${args.partition}:rds-db:${args.region}:${args.accountId}:dbuser:${proxyResourceId(args.proxyArn)}/${args.dbUser}`;
}

/**
 * The resource of `rds-db:connect` for one database user on one DB instance, by the instance's `db-…`
 * resource id (`DbiResourceId`). End-to-end IAM through RDS Proxy authorises the proxy's own role on
 * this form, since the proxy logs in to the instance itself.
 */
export function rdsInstanceDbUserArn(args: { partition: string; region: string; accountId: string; dbResourceId: string; dbUser: string }): string {
    if (!/^db-[0-9A-Z]+$/.test(args.dbResourceId)) {
        throw new Error(`not a DB instance resource id: "${args.dbResourceId}"`);
    }
    return `arn:${args.partition}:rds-db:${args.region}:${args.accountId}:dbuser:${args.dbResourceId}/${args.dbUser}`;
}
