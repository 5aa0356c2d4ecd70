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
