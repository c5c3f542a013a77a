// The CrossGuard pack: `pulumi preview --policy-pack policies --policy-pack-config policies/config.json`.
import { PolicyPack } from "@pulumi/policy";
import { POLICY_PACK_NAME, policiesFor } from "./all";
import { engineContext } from "./context";

new PolicyPack(POLICY_PACK_NAME, { enforcementLevel: "mandatory", policies: policiesFor(engineContext) });
