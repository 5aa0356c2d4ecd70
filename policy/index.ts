// Constructing a PolicyPack starts the analyzer's gRPC server and never returns: nothing may import
// this file (tests and tools import ./pack instead). Run with `pulumi preview --policy-pack policy`.
import { PolicyPack } from "@pulumi/policy";
import { packDescription, packName, policies } from "./pack";

new PolicyPack(packName, {
    description: packDescription,
    policies,
});
