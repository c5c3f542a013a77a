import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { HostingPlan } from "../../core/plan/desired";
import { ENV, WHM_COMMANDS } from "../../whm/account";
import { dnsRecord } from "./dns";

export interface HostingAccountArgs {
  plan: HostingPlan;
  zoneId: pulumi.Input<string>;
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
    super("pusdat:index:HostingAccount", name, {}, opts);
    const p = args.plan;
    const password = new random.RandomPassword(
      `${p.id}-password`,
      { length: 24, special: true, overrideSpecial: "-_.+=", minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1 },
      { parent: this },
    );
    new command.local.Command(
      `${p.id}-account`,
      {
        ...WHM_COMMANDS,
        environment: {
          [ENV.username]: p.username,
          [ENV.domain]: p.domain,
          [ENV.plan]: p.plan,
          [ENV.contactEmail]: p.contactEmail,
          // Secret on its own account, whatever the engine does with the provider's outputs.
          [ENV.password]: pulumi.secret(password.result),
          [ENV.suspended]: String(p.suspended),
          [ENV.suspendReason]: p.suspendReason,
        },
        logging: "none",
      },
      { parent: this, protect: p.protect, additionalSecretOutputs: ["stdout", "stderr"] },
    );
    if (p.record) dnsRecord(p.record, args.zoneId, this);
    this.username = pulumi.output(p.username);
    this.password = pulumi.secret(password.result);
    this.registerOutputs({ username: this.username, password: this.password });
  }
}
