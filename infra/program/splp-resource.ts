/**
 * The dynamic resource over the SPLP provider (splp-provider.ts): the only part of the SPLP access
 * that touches the Pulumi SDK, so the provider module itself stays plain (and light to load).
 */
import * as pulumi from "@pulumi/pulumi";
import { SPLP_SECRET_OUTPUTS, type SplpAccessInputs } from "./splp-access";
import { splpAccessProvider } from "./splp-provider";

/** The dynamic resource's type: `pulumi-nodejs:dynamic/<module>:<type>` (the SDK fixes the prefix). */
export const SPLP_DYNAMIC = { module: "pusdat", type: "SplpAccess" } as const;

/** The inputs as the program passes them: plain values, or Outputs. */
export type SplpAccessArgs = { [K in keyof SplpAccessInputs]: pulumi.Input<SplpAccessInputs[K]> };

/** One ApiAccess on the exchange; the credentials are secret outputs. */
export class SplpAccess extends pulumi.dynamic.Resource {
  declare readonly applicationId: pulumi.Output<string>;
  declare readonly subscriptionId: pulumi.Output<string>;
  declare readonly subscriptionStatus: pulumi.Output<string>;
  declare readonly consumerKey: pulumi.Output<string>;
  declare readonly consumerSecret: pulumi.Output<string>;
  declare readonly apikey: pulumi.Output<string>;

  constructor(name: string, args: SplpAccessArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { applicationId: undefined, subscriptionId: undefined, subscriptionStatus: undefined, consumerKey: undefined, consumerSecret: undefined, apikey: undefined };
    super(splpAccessProvider as unknown as pulumi.dynamic.ResourceProvider, name, { ...outputs, ...args }, {
      ...opts,
      additionalSecretOutputs: SPLP_SECRET_OUTPUTS,
    }, SPLP_DYNAMIC.module, SPLP_DYNAMIC.type);
  }
}
