import { VmLegacy } from "@muhlba91/pulumi-proxmoxve/vmLegacy";
import * as pulumi from "@pulumi/pulumi";
import type { VmPlan } from "../../core/plan/desired";
import { VM_IGNORE_CHANGES, vmArgs } from "../../core/plan/resources";
import { TYPE } from "../../core/naming";

export interface VirtualMachineArgs {
  plan: VmPlan;
  guestAgent: boolean;
}

/** SOP 7 and 10: a VM cloned from its template with cloud-init (pool IP, SSH keys, no password);
 * the clone block is ignored after birth and a node change migrates, so no edit recreates it. */
export class VirtualMachine extends pulumi.ComponentResource {
  readonly vmId: pulumi.Output<number>;

  constructor(name: string, args: VirtualMachineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE.virtualMachine, name, {}, opts);
    const p = args.plan;
    const vm = new VmLegacy(p.name, vmArgs(p, args.guestAgent), { parent: this, protect: p.protect, ignoreChanges: VM_IGNORE_CHANGES });
    this.vmId = vm.vmId.apply((v) => v ?? p.vmid);
    this.registerOutputs({ vmId: this.vmId });
  }
}
