import * as pulumi from "@pulumi/pulumi";
import type { ApiAccessPlan } from "../../core/plan/splp";
import { splpAccessArgs } from "../../core/plan/resources";
import { TYPE } from "../../core/naming";
import { SplpAccess } from "../splp-resource";

/** What an ApiAccess hands to the stack outputs while its exchange resource exists. */
export interface ApiAccessCredentials {
  consumerKey: pulumi.Output<string>;
  consumerSecret: pulumi.Output<string>;
  apikey: pulumi.Output<string>;
}

/**
 * SOP SPLP (001/003/004): the consumer's application, its subscription with the tier and its keys on
 * the WSO2 exchange, through the dynamic provider. Not protected: deleting it (a decommission) only
 * unsubscribes and revokes keys, and the inventory refuses removing an active request's file.
 */
export class ApiAccess extends pulumi.ComponentResource {
  readonly subscriptionStatus: pulumi.Output<string | null>;
  readonly credentials?: ApiAccessCredentials;

  constructor(name: string, args: { plan: ApiAccessPlan }, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE.apiAccess, name, {}, opts);
    const inputs = splpAccessArgs(args.plan);
    const access = inputs && args.plan.exchange ? new SplpAccess(args.plan.exchange.name, inputs, { parent: this }) : undefined;
    this.subscriptionStatus = access ? access.subscriptionStatus : pulumi.output(null);
    if (access) {
      // Secret on their own account too, whatever the engine does with additionalSecretOutputs.
      this.credentials = { consumerKey: pulumi.secret(access.consumerKey), consumerSecret: pulumi.secret(access.consumerSecret), apikey: pulumi.secret(access.apikey) };
    }
    this.registerOutputs({ subscriptionStatus: this.subscriptionStatus, ...(this.credentials ?? {}) });
  }
}
