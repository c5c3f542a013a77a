import * as proxmoxve from "@muhlba91/pulumi-proxmoxve";
import * as pulumi from "@pulumi/pulumi";
import type { VmPlan } from "../../core/plan/desired";

export interface VirtualMachineArgs {
  plan: VmPlan;
  guestAgent: boolean;
}

/** SOP 7 and 10: a VM cloned from its template with cloud-init (pool IP, SSH keys, no password). */
export class VirtualMachine extends pulumi.ComponentResource {
  readonly vmId: pulumi.Output<number>;

  constructor(name: string, args: VirtualMachineArgs, opts?: pulumi.ComponentResourceOptions) {
    super("pusdat:index:VirtualMachine", name, {}, opts);
    const p = args.plan;
    const vm = new proxmoxve.VmLegacy(
      p.name,
      {
        nodeName: p.node,
        vmId: p.vmid,
        name: p.hostname,
        description: p.description,
        tags: p.tags,
        clone: { vmId: p.template.vmid, nodeName: p.template.node, full: true },
        cpu: { cores: p.cores, type: p.cpuType },
        memory: { dedicated: p.memoryMb },
        disks: [{ interface: "scsi0", datastoreId: p.datastore, size: p.diskGb }],
        networkDevices: [{ bridge: p.bridge, model: "virtio" }],
        // Explicit: a clone inherits the template's agent setting, and a wrong one stalls the provider 15 minutes.
        agent: { enabled: args.guestAgent },
        initialization: {
          datastoreId: p.datastore,
          ipConfigs: [{ ipv4: { address: p.ipCidr, gateway: p.gateway } }],
          userAccount: { username: p.adminUser, keys: p.sshKeys },
        },
        onBoot: p.onBoot,
        started: p.started,
        protection: p.protection,
      },
      { parent: this, protect: p.protect },
    );
    this.vmId = vm.vmId.apply((v) => v ?? p.vmid);
    this.registerOutputs({ vmId: this.vmId });
  }
}
