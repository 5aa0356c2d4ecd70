/**
 * The IAM privilege escalation methods, as data: which actions, granted together, let a principal
 * give itself more than it was given.
 *
 * Source: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (Spencer
 * Gietzen, parts 1 and 2) and "Escalating AWS IAM Privileges with an Undocumented CodeStar API",
 * as numbered in https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation (README at
 * commit 2b04fa1). Numbers and titles are theirs; the same list backs Cloudsplaining's
 * PrivilegeEscalation finding and so Checkov's CKV_AWS_286 (Terraform).
 *
 * What this file adds is `pivot` and `passedTo`, the reading a rule needs to avoid false alarms:
 * - `pivot` is the action whose Resource decides the reach. On every user, role, policy or function
 *   it reaches the account's administrators; on one named resource it is a design decision left
 *   to review. The other actions of a method count on any resource (creating "a function" is enough).
 * - `passedTo` is the service a PassRole method hands the role to: a PassRole grant narrowed by
 *   `iam:PassedToService` to other services does not enable the method.
 * Titles 27 and 28 follow the permissions each lists (the README's headings for them are swapped).
 */

export interface EscalationMethod {
    /** Rhino's number. */
    id: number;
    /** Rhino's title. */
    title: string;
    /** Every action the method needs (Rhino's "Required Permission(s)", the "possibly" ones left out). */
    actions: readonly string[];
    /** The action whose Resource must be broad for the method to reach every identity (see the file comment). */
    pivot: string;
    /** For PassRole methods, the service principal the role is passed to. */
    passedTo?: string;
}

export const ESCALATION_SOURCE =
    "Rhino Security Labs, AWS IAM Privilege Escalation – Methods and Mitigation (github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation)";

const one = (id: number, title: string, action: string): EscalationMethod => ({ id, title, actions: [action], pivot: action });
const passRole = (id: number, title: string, passedTo: string, ...actions: string[]): EscalationMethod => ({
    id,
    title,
    actions: ["iam:PassRole", ...actions],
    pivot: "iam:PassRole",
    passedTo,
});

export const ESCALATION_METHODS: readonly EscalationMethod[] = [
    one(1, "Creating a new policy version", "iam:CreatePolicyVersion"),
    one(2, "Setting the default policy version to an existing version", "iam:SetDefaultPolicyVersion"),
    passRole(3, "Creating an EC2 instance with an existing instance profile", "ec2.amazonaws.com", "ec2:RunInstances"),
    one(4, "Creating a new user access key", "iam:CreateAccessKey"),
    one(5, "Creating a new login profile", "iam:CreateLoginProfile"),
    one(6, "Updating an existing login profile", "iam:UpdateLoginProfile"),
    one(7, "Attaching a policy to a user", "iam:AttachUserPolicy"),
    one(8, "Attaching a policy to a group", "iam:AttachGroupPolicy"),
    one(9, "Attaching a policy to a role", "iam:AttachRolePolicy"),
    one(10, "Creating/updating an inline policy for a user", "iam:PutUserPolicy"),
    one(11, "Creating/updating an inline policy for a group", "iam:PutGroupPolicy"),
    one(12, "Creating/updating an inline policy for a role", "iam:PutRolePolicy"),
    one(13, "Adding a user to a group", "iam:AddUserToGroup"),
    {
        id: 14,
        title: "Updating the AssumeRolePolicyDocument of a role",
        actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        pivot: "iam:UpdateAssumeRolePolicy",
    },
    passRole(15, "Passing a role to a new Lambda function, then invoking it", "lambda.amazonaws.com", "lambda:CreateFunction", "lambda:InvokeFunction"),
    passRole(16, "Passing a role to a new Lambda function, then invoking it cross-account", "lambda.amazonaws.com", "lambda:CreateFunction", "lambda:AddPermission"),
    passRole(17, "Passing a role to a new Lambda function, then triggering it with DynamoDB", "lambda.amazonaws.com", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
    one(18, "Updating the code of an existing Lambda function", "lambda:UpdateFunctionCode"),
    passRole(19, "Passing a role to a Glue Development Endpoint", "glue.amazonaws.com", "glue:CreateDevEndpoint"),
    one(20, "Updating an existing Glue Dev Endpoint", "glue:UpdateDevEndpoint"),
    passRole(21, "Passing a role to CloudFormation", "cloudformation.amazonaws.com", "cloudformation:CreateStack"),
    passRole(22, "Passing a role to Data Pipeline", "datapipeline.amazonaws.com", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"),
    one(23, "Creating a CodeStar project from a template", "codestar:CreateProjectFromTemplate"),
    passRole(24, "Passing a role to a new CodeStar project", "codestar.amazonaws.com", "codestar:CreateProject"),
    {
        id: 25,
        title: "Creating a new CodeStar project and associating a team member",
        actions: ["codestar:CreateProject", "codestar:AssociateTeamMember"],
        pivot: "codestar:AssociateTeamMember",
    },
    one(26, "Adding a Lambda layer to an existing function (UpdateFunctionConfiguration)", "lambda:UpdateFunctionConfiguration"),
    passRole(27, "Passing a role to a new SageMaker Jupyter notebook", "sagemaker.amazonaws.com", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"),
    one(28, "Accessing an existing SageMaker Jupyter notebook", "sagemaker:CreatePresignedNotebookInstanceUrl"),
];

/**
 * Condition keys that contain a pivot grant to what an administrator chose, per the IAM User Guide:
 * `iam:PermissionsBoundary` (delegating role and user management within a boundary, "Permissions
 * boundaries for IAM entities") and `iam:PolicyARN` (which managed policies may be attached).
 */
export const CONTAINING_CONDITION_KEYS: readonly string[] = ["iam:permissionsboundary", "iam:policyarn"];
