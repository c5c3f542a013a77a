import { Job } from "@muhlba91/pulumi-proxmoxve/backup/job";
import * as pulumi from "@pulumi/pulumi";
import type { BackupJobPlan } from "../../core/plan/desired";
import { backupJobArgs } from "../../core/plan/resources";
import { backupJobName, TYPE } from "../../core/naming";

/** Backups as code (SOP 5, 6, 8, 9): one vzdump job per node covering its VMs, retention from the stack. */
export class NodeBackup extends pulumi.ComponentResource {
  constructor(name: string, args: { plan: BackupJobPlan }, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE.nodeBackup, name, {}, opts);
    new Job(backupJobName(args.plan.node), backupJobArgs(args.plan), { parent: this });
    this.registerOutputs({});
  }
}
