import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { HostingPlan } from "../../core/plan/desired";
import { COMMAND_SECRET_OUTPUTS, hostingCommandArgs, passwordArgs } from "../../core/plan/resources";
import { childName, ROLE, TYPE } from "../../core/naming";
import { dnsRecord } from "./dns";

export interface HostingAccountArgs {
  plan: HostingPlan;
  zoneId: pulumi.Input<string>;
  cloudflareTags: boolean;
  /** Protect the password (false only in the deployment that carries a requested rotation). */
  protectPassword: boolean;
}

/**
 * SOP 1 and 3: a cPanel account through WHM, its password a Pulumi secret, and a DNS record to the
 * hosting server. The command text is fixed: every value travels in `environment`. `update` is set
 * so a change never re-runs `create` (a second createacct); `delete` only suspends.
 */
export class HostingAccount extends pulumi.ComponentResource {
  readonly username: pulumi.Output<string>;
  readonly password: pulumi.Output<string>;

  constructor(name: string, args: HostingAccountArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE.hostingAccount, name, {}, opts);
    const p = args.plan;
    const password = new random.RandomPassword(childName(p.id, ROLE.password), passwordArgs(p), { parent: this, protect: args.protectPassword });
    // The password is secret on its own account, whatever the engine does with the provider's outputs.
    new command.local.Command(childName(p.id, ROLE.account), hostingCommandArgs(p, pulumi.secret(password.result)), {
      parent: this,
      protect: p.protect,
      additionalSecretOutputs: COMMAND_SECRET_OUTPUTS,
    });
    if (p.record) dnsRecord(p.record, args.zoneId, args.cloudflareTags, this);
    this.username = pulumi.output(p.username);
    this.password = pulumi.secret(password.result);
    this.registerOutputs({ username: this.username, password: this.password });
  }
}
