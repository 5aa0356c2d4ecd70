/**
 * IAM policy documents as pure data. Components resolve the ARNs they depend on and pass plain
 * strings here, so every statement the blueprint grants can be unit-tested without Pulumi.
 */
export interface PolicyStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Action: string | readonly string[];
    readonly Resource?: string | readonly string[];
    readonly Principal?: "*" | Readonly<Record<string, string | readonly string[]>>;
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Trust policy for an AWS service. `sourceAccount` adds the confused-deputy guard, and `sourceArn`
 * (a pattern) narrows it to the service's resources of one kind — only for services that send those
 * keys when they assume the role, such as VPC Flow Logs. A condition on a key the service does not
 * send never matches, so the role cannot be assumed at all: RDS Proxy sends none ("RDS Proxy doesn't
 * support any global condition context keys", RDS Proxy quotas and limitations), and Lambda sends
 * none when it assumes an execution role.
 */
export function serviceTrustPolicy(service: string, sourceAccount?: string, sourceArn?: string): PolicyDocument {
    const condition = {
        ...(sourceAccount ? { StringEquals: { "aws:SourceAccount": sourceAccount } } : {}),
        ...(sourceArn ? { ArnLike: { "aws:SourceArn": sourceArn } } : {}),
    };
    return policyDocument({
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    });
}

/**
 * The ARN pattern of this account's flow logs in one region, which VPC Flow Logs sends as
 * `aws:SourceArn` when it assumes the delivery role (flow log ids are only known after creation).
 */
export function flowLogsSourceArn(partition: string, region: string, accountId: string): string {
    return `arn:${partition}:ec2:${region}:${accountId}:vpc-flow-log/*`;
}

/**
 * The ENI actions Lambda needs to run in a VPC. EC2 does not support resource-level permissions
 * for the Describe call, and Lambda creates interfaces in whatever subnet it places the function,
 * so AWS's own AWSLambdaVPCAccessExecutionRole grants these on "*" too.
 */
export function lambdaVpcAccessStatement(): PolicyStatement {
    return {
        Sid: "LambdaVpcNetworkInterfaces",
        Effect: "Allow",
        Action: [
            "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses",
            "ec2:UnassignPrivateIpAddresses",
        ],
        Resource: "*",
    };
}

/** Writing to one log group only; the function never creates log groups of its own. */
export function writeLogsStatement(logGroupArn: string): PolicyStatement {
    return {
        Sid: "WriteOwnLogGroup",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${logGroupArn}:*`,
    };
}

export function readSecretsStatement(secretArns: readonly string[]): PolicyStatement {
    return {
        Sid: "ReadSecretValue",
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: [...secretArns],
    };
}

/** Decrypting with the CMK, but only when Secrets Manager asks on the caller's behalf. */
export function decryptViaSecretsManagerStatement(keyArn: string, region: string): PolicyStatement {
    return {
        Sid: "DecryptSecretsWithCmk",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: keyArn,
        Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
    };
}

/**
 * Reading some secrets encrypted with the CMK: `GetSecretValue` on exactly those ARNs, and decrypting
 * only when Secrets Manager asks on the caller's behalf.
 */
export function readEncryptedSecretsStatements(secretArns: readonly string[], keyArn: string, region: string): PolicyStatement[] {
    return [readSecretsStatement(secretArns), decryptViaSecretsManagerStatement(keyArn, region)];
}

export function rdsConnectStatement(dbUserArn: string): PolicyStatement {
    return {
        Sid: "ConnectThroughProxyAsAppUser",
        Effect: "Allow",
        Action: "rds-db:connect",
        Resource: dbUserArn,
    };
}

/**
 * VPC endpoint policy: the Secrets Manager endpoint serves reads of this project's secrets by
 * principals of this account and nothing else, so a compromised function cannot use it to reach
 * other secrets or other accounts.
 */
export function secretsEndpointPolicy(secretArns: readonly string[], accountId: string): PolicyDocument {
    return policyDocument({
        Sid: "ReadProjectSecretsOnly",
        Effect: "Allow",
        Principal: "*",
        Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        Resource: [...secretArns],
        Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
    });
}

/** What VPC Flow Logs needs to deliver to one CloudWatch log group. */
export function flowLogsDeliveryStatement(logGroupArn: string): PolicyStatement {
    return {
        Sid: "DeliverFlowLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroupArn, `${logGroupArn}:*`],
    };
}

/** What the relay calls: PutEvents on the stack's bus, nothing else on EventBridge. */
export function putEventsStatement(eventBusArn: string): PolicyStatement {
    return { Sid: "PublishToTheStackBus", Effect: "Allow", Action: "events:PutEvents", Resource: eventBusArn };
}

/** What EventBridge Scheduler's role may do: invoke the one function the schedule targets. */
export function invokeFunctionStatement(functionArn: string): PolicyStatement {
    // The unqualified ARN and its versions/aliases: Scheduler invokes the ARN in the target as given.
    return { Sid: "InvokeTheTarget", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [functionArn, `${functionArn}:*`] };
}

/** Lambda's event source mapping reads an SQS queue with the function's own role: these three actions, on that queue. */
export function receiveFromQueueStatement(queueArn: string): PolicyStatement {
    return { Sid: "ReadTheQueue", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource: queueArn };
}

/** The EventBridge interface endpoint's policy: PutEvents on the stack's bus, by principals of this account. */
export function eventsEndpointPolicy(eventBusArn: string, accountId: string): PolicyDocument {
    return policyDocument({
        Sid: "PublishToTheStackBusOnly",
        Effect: "Allow",
        Principal: "*",
        Action: "events:PutEvents",
        Resource: eventBusArn,
        Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
    });
}

/**
 * A queue's policy that lets EventBridge send to it for one rule: the projector's queue (the rule's target) and the
 * dead-letter queue of that target.
 */
export function queueFromRulePolicy(queueArn: string, ruleArn: string): PolicyDocument {
    return policyDocument({
        Sid: "MessagesFromTheRule",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
    });
}
