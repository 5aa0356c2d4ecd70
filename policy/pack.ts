/**
 * The policy pack as plain data: tests, `evaluate.ts` and the tools (plan, policy:check) import
 * this module. Only `index.ts` turns it into a running PolicyPack.
 */
import { BlueprintPolicy } from "./lib/rule";
import { configureStageThrottling } from "./rules/apigatewayv2/configureStageThrottling";
import { disallowUnauthorizedApiRoutes } from "./rules/apigatewayv2/disallowUnauthorizedApiRoutes";
import { disallowHardcodedSecretsInStageVariables } from "./rules/apigatewayv2/disallowHardcodedSecretsInStageVariables";
import { enableStageAccessLogging } from "./rules/apigatewayv2/enableStageAccessLogging";
import { disallowHardcodedSecretsInUserData } from "./rules/ec2/disallowHardcodedSecretsInUserData";
import { disallowHardcodedSecretsInContainerEnvironment } from "./rules/ecs/disallowHardcodedSecretsInContainerEnvironment";
import { disallowPublicEventBusPolicy } from "./rules/events/disallowPublicEventBusPolicy";
import { disallowPublicIngressToDatabasePorts } from "./rules/ec2/disallowPublicIngressToDatabasePorts";
import { disallowAllowWithNotAction } from "./rules/iam/disallowAllowWithNotAction";
import { disallowAllowWithNotResource } from "./rules/iam/disallowAllowWithNotResource";
import { disallowBroadManagedPolicies } from "./rules/iam/disallowBroadManagedPolicies";
import { disallowPassRoleOnAllRoles } from "./rules/iam/disallowPassRoleOnAllRoles";
import { disallowPrivilegeEscalation } from "./rules/iam/disallowPrivilegeEscalation";
import { disallowPrivilegeEscalationAcrossPolicies } from "./rules/iam/disallowPrivilegeEscalationAcrossPolicies";
import { disallowServiceWildcardAction } from "./rules/iam/disallowServiceWildcardAction";
import { disallowWildcardAction } from "./rules/iam/disallowWildcardAction";
import { disallowWildcardResource } from "./rules/iam/disallowWildcardResource";
import { disallowUnconstrainedPermissionsManagement } from "./rules/iam/disallowUnconstrainedPermissionsManagement";
import { disallowWildcardResourceForCredentialActions } from "./rules/iam/disallowWildcardResourceForCredentialActions";
import { disallowWildcardTrustPrincipal } from "./rules/iam/disallowWildcardTrustPrincipal";
import { requireGithubOidcSubjectCondition } from "./rules/iam/requireGithubOidcSubjectCondition";
import { disallowWildcardKeyPolicyPrincipal } from "./rules/kms/disallowWildcardKeyPolicyPrincipal";
import { disallowPublicBucketPolicy } from "./rules/s3/disallowPublicBucketPolicy";
import { disallowPublicSecretPolicy } from "./rules/secretsmanager/disallowPublicSecretPolicy";
import { disallowPublicTopicPolicy } from "./rules/sns/disallowPublicTopicPolicy";
import { disallowPublicQueuePolicy } from "./rules/sqs/disallowPublicQueuePolicy";
import { disallowHardcodedSecretsInCode } from "./rules/lambda/disallowHardcodedSecretsInCode";
import { disallowHardcodedSecretsInEnvironment } from "./rules/lambda/disallowHardcodedSecretsInEnvironment";
import { disallowPublicFunctionUrl } from "./rules/lambda/disallowPublicFunctionUrl";
import { disallowWildcardPermissionPrincipal } from "./rules/lambda/disallowWildcardPermissionPrincipal";
import { requireSourceArnForServicePrincipal } from "./rules/lambda/requireSourceArnForServicePrincipal";
import { requireVpcForDatabaseFunctions } from "./rules/lambda/requireVpcForDatabaseFunctions";
import { configureBackupRetention } from "./rules/rds/configureBackupRetention";
import { disallowPasswordInput } from "./rules/rds/disallowPasswordInput";
import { disallowPublicAccess } from "./rules/rds/disallowPublicAccess";
import { enableDeletionProtection } from "./rules/rds/enableDeletionProtection";
import { enableIamAuthentication } from "./rules/rds/enableIamAuthentication";
import { enableManagedMasterUserPassword } from "./rules/rds/enableManagedMasterUserPassword";
import { enableStorageEncryption } from "./rules/rds/enableStorageEncryption";
import { requireProxyTls } from "./rules/rds/requireProxyTls";
import { configureRotation } from "./rules/secretsmanager/configureRotation";
import { enableCustomerManagedKey } from "./rules/secretsmanager/enableCustomerManagedKey";
import { disallowHardcodedSecretsInPlainParameter } from "./rules/ssm/disallowHardcodedSecretsInPlainParameter";
import { disallowHardcodedSecretsInTags } from "./rules/tags/disallowHardcodedSecretsInTags";

export const packName = "serverless-mysql-blueprint";

export const packDescription =
    "Least-privilege IAM, no hardcoded credentials, and database, proxy, network and API hardening for API Gateway -> Lambda -> RDS Proxy -> RDS for MySQL.";

/** Every rule, grouped as in the README: credentials, IAM, database and proxy, secrets, network, API. */
export const policies: BlueprintPolicy[] = [
    disallowHardcodedSecretsInEnvironment,
    disallowHardcodedSecretsInCode,
    disallowPasswordInput,
    enableManagedMasterUserPassword,
    disallowHardcodedSecretsInTags,
    disallowHardcodedSecretsInStageVariables,
    disallowHardcodedSecretsInPlainParameter,
    disallowHardcodedSecretsInUserData,
    disallowHardcodedSecretsInContainerEnvironment,
    disallowWildcardAction,
    disallowServiceWildcardAction,
    disallowWildcardResource,
    disallowWildcardResourceForCredentialActions,
    disallowUnconstrainedPermissionsManagement,
    disallowAllowWithNotAction,
    disallowAllowWithNotResource,
    disallowPassRoleOnAllRoles,
    disallowPrivilegeEscalation,
    disallowPrivilegeEscalationAcrossPolicies,
    disallowWildcardTrustPrincipal,
    requireGithubOidcSubjectCondition,
    disallowWildcardKeyPolicyPrincipal,
    disallowPublicSecretPolicy,
    disallowPublicQueuePolicy,
    disallowPublicTopicPolicy,
    disallowPublicBucketPolicy,
    disallowPublicEventBusPolicy,
    disallowBroadManagedPolicies,
    disallowWildcardPermissionPrincipal,
    disallowPublicFunctionUrl,
    requireSourceArnForServicePrincipal,
    disallowPublicAccess,
    enableStorageEncryption,
    configureBackupRetention,
    enableDeletionProtection,
    enableIamAuthentication,
    requireProxyTls,
    enableCustomerManagedKey,
    configureRotation,
    disallowPublicIngressToDatabasePorts,
    requireVpcForDatabaseFunctions,
    enableStageAccessLogging,
    configureStageThrottling,
    disallowUnauthorizedApiRoutes,
];
