import * as proxmoxve from "@muhlba91/pulumi-proxmoxve";
import * as pulumi from "@pulumi/pulumi";
import type { BackupJobPlan } from "../../core/plan/desired";

/** Backups as code (SOP 5, 6, 8, 9): one vzdump job per node covering its VMs, retention from the stack. */
export class NodeBackup extends pulumi.ComponentResource {
  constructor(name: string, args: { plan: BackupJobPlan }, opts?: pulumi.ComponentResourceOptions) {
    super("pusdat:index:NodeBackup", name, {}, opts);
    const p = args.plan;
    new proxmoxve.backup.Job(
      p.name,
      { resourceId: p.name, node: p.node, vmids: p.vmids, schedule: p.schedule, storage: p.storage, mode: p.mode, pruneBackups: p.pruneBackups, enabled: true },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
