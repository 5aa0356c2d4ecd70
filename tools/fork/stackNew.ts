/**
 * What `npm run stack:new` creates, computed without writing: the stack file, its policy config and
 * its place in the CI workflows' stack lists.
 */
import { FileChange, RefusedError, RepositoryFiles, projectOf, stacksOf } from "./fork";
import { awsNameProblems, regionProblem, stackNameProblem } from "./names";
import { retagStackFile, setStackRegion, stackRegion } from "./rewrite";
import { addStackToWorkflow } from "./workflows";

export interface StackNewRequest {
    readonly stack: string;
    /** The stack whose settings and policy config the new one starts from. */
    readonly from?: string;
    /** The new stack's region; by default the source stack's, or the one region all stacks share. */
    readonly region?: string;
}

export interface StackNewPlan {
    readonly project: string;
    readonly changes: readonly FileChange[];
    /** What the user should know or do by hand, one sentence each. */
    readonly notes: readonly string[];
}

/**
 * The policy config a stack gets when it is not copied from another stack's: none of the pack's
 * rules relaxed or tightened, i.e. every rule at the level it declares (policy/pack.ts). It is the
 * same fallback the plan names for a stack without a file (tools/plan/policy.ts), written out so
 * that `pulumi preview --policy-pack-config policy/config/<stack>.json` in CI finds a file.
 */
export const FALLBACK_POLICY_CONFIG = "{}\n";

/**
 * A stack file of the documented defaults: only the region and the tags are written, every other
 * setting takes its default (docs/configuration.md). One exception: deletion protection, which the
 * policy pack requires at its default level (enable-database-deletion-protection, mandatory), so
 * that the new stack plans with the fallback policy config.
 */
export function minimalStackFile(project: string, stack: string, region: string): string {
    return [
        `# Stack "${stack}", created by \`npm run stack:new -- ${stack}\`. Every setting not written here takes`,
        `# its default: docs/configuration.md lists them. Its policy config, policy/config/${stack}.json, keeps`,
        `# every rule of the pack at the level the pack gives it.`,
        `config:`,
        `  aws:region: ${region}`,
        `  # The pack requires deletion protection; for a throwaway stack set this to false and make`,
        `  # enable-database-deletion-protection advisory in policy/config/${stack}.json.`,
        `  ${project}:dbDeletionProtection: true`,
        `  ${project}:tags:`,
        `    environment: ${stack}`,
        ``,
    ].join("\n");
}

/** The header of a stack file copied from another. */
function copyHeader(stack: string, from: string): string {
    return (
        `# Stack "${stack}", created by \`npm run stack:new -- ${stack} --from ${from}\`: its settings start as\n` +
        `# ${from}'s (the comments below are ${from}'s). docs/configuration.md lists every setting.\n`
    );
}

/** The region a new stack gets when none is asked for. */
function defaultRegion(files: RepositoryFiles, stacks: readonly string[]): string | undefined {
    const regions = new Set(stacks.map((s) => stackRegion(files.read(`Pulumi.${s}.yaml`) ?? "", `Pulumi.${s}.yaml`)));
    const [only] = [...regions];
    return regions.size === 1 ? only : undefined;
}

/** The changes `stack:new` makes; throws RefusedError when the request is refused. */
export function planStackNew(files: RepositoryFiles, request: StackNewRequest): StackNewPlan {
    const project = projectOf(files);
    const stacks = stacksOf(files);
    const { stack, from } = request;
    const stackFile = `Pulumi.${stack}.yaml`;
    const problems: string[] = [];
    const nameProblem = stackNameProblem(stack);
    if (nameProblem) {
        problems.push(nameProblem);
    } else if (files.read(stackFile) !== undefined) {
        problems.push(`stack ${stack} exists already (${stackFile}). Fix: pick another name, or edit that file.`);
    } else {
        problems.push(...awsNameProblems(project, [stack]));
    }
    const fromText = from === undefined ? undefined : files.read(`Pulumi.${from}.yaml`);
    if (from !== undefined && fromText === undefined) {
        problems.push(`--from ${from}: there is no stack file Pulumi.${from}.yaml. Fix: one of ${stacks.join(", ") || "(no stacks yet)"}.`);
    }
    const regionProblemText = request.region === undefined ? undefined : regionProblem(request.region);
    if (regionProblemText) {
        problems.push(regionProblemText);
    }
    const region = request.region ?? (from === undefined ? defaultRegion(files, stacks) : undefined);
    if (from === undefined && region === undefined) {
        problems.push(`the stacks do not share one region to copy, so the new stack needs one. Fix: add --region <region>.`);
    }
    if (problems.length > 0) {
        throw new RefusedError(problems);
    }

    const changes: FileChange[] = [];
    const notes: string[] = [];
    let stackText: string;
    if (fromText !== undefined && from !== undefined) {
        stackText = `${copyHeader(stack, from)}${retagStackFile(fromText, project, from, stack, `Pulumi.${from}.yaml`)}`;
        if (request.region !== undefined) {
            stackText = setStackRegion(stackText, request.region, stackFile);
        }
    } else {
        stackText = minimalStackFile(project, stack, region!);
    }
    changes.push({ path: stackFile, before: undefined, after: stackText });

    const policyFile = `policy/config/${stack}.json`;
    if (files.read(policyFile) !== undefined) {
        notes.push(`${policyFile} exists already and is kept as it is.`);
    } else {
        const fromPolicy = from === undefined ? undefined : files.read(`policy/config/${from}.json`);
        changes.push({ path: policyFile, before: undefined, after: fromPolicy ?? FALLBACK_POLICY_CONFIG });
        if (from !== undefined && fromPolicy === undefined) {
            notes.push(`${from} has no policy/config/${from}.json; ${policyFile} keeps every rule at the pack's own level.`);
        }
    }

    for (const path of files.paths.filter((p) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(p))) {
        const before = files.read(path);
        if (before === undefined) {
            continue;
        }
        const edit = addStackToWorkflow(before, stack, stacks, path);
        if (edit.text !== before) {
            changes.push({ path, before, after: edit.text });
        }
        notes.push(...edit.notes);
    }
    return { project, changes, notes };
}
