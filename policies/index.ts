// The CrossGuard pack: `pulumi preview --policy-pack policies --policy-pack-config policies/config.json`.
import { PolicyPack } from "@pulumi/policy";
import { POLICY_PACK_NAME, policies } from "./all";

new PolicyPack(POLICY_PACK_NAME, { enforcementLevel: "mandatory", policies });
