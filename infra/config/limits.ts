/** Limits the settings are checked against, each with where it comes from. */

/** AWS allows 50 tags per resource; the blueprint always adds three of its own (project, stack, managed-by). */
export const MAX_USER_TAGS = 47;
/** AWS's tag character set; RDS, the strictest service here, refuses anything else. */
export const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * HTTP API JWT authorizer limits. Audiences per authorizer: 50, not adjustable (HTTP API quotas,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). The issuer is a
 * 1-2048 character URI (JWTConfiguration.Issuer) that API Gateway compares with the token's iss exactly, and
 * it must be https, as OIDC requires of an issuer
 * (https://openid.net/specs/openid-connect-core-1_0.html#IssuerIdentifier; awsdocs/amazon-api-gateway-developer-guide#79).
 */
export const JWT_MAX_AUDIENCES = 50;
export const JWT_ISSUER_MAX_LENGTH = 2048;

/**
 * An address SNS can deliver to: one @, a dot in the domain, no spaces or quotes; at most 254 characters, the
 * longest address SMTP carries (RFC 5321's 256-character path less its angle brackets). Deliberately not the
 * full RFC 5322 grammar: quoted local parts and IP-literal domains are legal there and useless for paging.
 */
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Storage autoscaling acts once free space is at most 10% of the allocated storage (RDS User Guide, USER_PIOPS.Autoscaling). */
export const AUTOSCALING_FREE_STORAGE_SHARE = 0.1;

/** The master user RDS creates; its password lives only in the RDS-managed secret. */
export const MASTER_USERNAME = "dbadmin";
