/**
 * The Pulumi dynamic provider for one ApiAccess on the WSO2 exchange: create/read/update/delete/diff
 * over splp-access.ts (which calls the WSO2 client over HTTP: no shell, no request value in any
 * command). The engine serializes `splpAccessProvider` (runtime.serializeFunction) into the
 * resource's `__provider` input and runs it in its own process; what it references of splp-access,
 * the WSO2 client and the HTTP helper is captured by value (local modules), node built-ins as
 * `require`. Nothing here may reference @pulumi/pulumi: the provider object stays plain, and only
 * the resource class (splp-resource.ts) touches the SDK. A test loads the serialized text in a bare `node`
 * (no TypeScript loader) and drives it against the fake exchange.
 *
 * The channel's devportal token is read in `configure` from the stack configuration (a Pulumi secret
 * under SPLP_TOKEN_CONFIG, e.g. `splp:lokalToken`), else from the environment; it is never an input
 * and never in the state. The credentials are outputs the engine keeps encrypted
 * (additionalSecretOutputs: SPLP_SECRET_OUTPUTS).
 */
import * as access from "./splp-access";
import type { SplpAccessInputs, SplpAccessState } from "./splp-access";

/** Fields whose change makes the provider ask for an update (the replacing ones are access.replaces). */
const UPDATED = ["tier", "apiKeyValidityDays", "auth", "description", "timeoutMs", "insecureTls", "tokenConfig", "tokenEnv"] as const;

type StackConfig = { get(key: string): string | undefined };

/** A dynamic ResourceProvider over SplpAccessInputs / SplpAccessState (`this`: the deserialized object). */
export interface SplpProvider {
  /** The stack configuration, once the engine has called configure. */
  config?: StackConfig;
  configure(req: { config: StackConfig }): Promise<void>;
  client(i: SplpAccessInputs): ReturnType<typeof access.clientFor>;
  diff(id: string, olds: SplpAccessState, news: SplpAccessInputs): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(inputs: SplpAccessInputs): Promise<{ id: string; outs: SplpAccessState }>;
  read(id: string, props?: SplpAccessState): Promise<{ id?: string; props?: SplpAccessState }>;
  update(id: string, olds: SplpAccessState, news: SplpAccessInputs): Promise<{ outs: SplpAccessState }>;
  delete(id: string, props: SplpAccessState): Promise<void>;
}

/** The provider object the engine serializes. */
export const splpAccessProvider: SplpProvider = {
  async configure(req) {
    this.config = req.config;
  },

  client(i) {
    const config = this.config;
    return access.clientFor(i, process.env, (key) => (config ? config.get(key) : undefined));
  },

  async diff(_id, olds, news) {
    const replaces = access.replaces(olds, news);
    // A subscription removed by hand (seen by read/refresh) is subscribed again by update.
    const changed = UPDATED.filter((k) => olds[k] !== news[k]);
    const missing = olds.subscriptionId === "";
    return { changes: replaces.length > 0 || changed.length > 0 || missing, replaces, deleteBeforeReplace: true };
  },

  async create(inputs) {
    const s = await access.createAccess(this.client(inputs), inputs);
    return { id: s.applicationId, outs: s };
  },

  /** What the exchange holds now; no id when the application is gone (the engine drops the resource). */
  async read(id, props) {
    if (!props) throw new access.SplpAccessError(`akses SPLP ${id} tidak dapat diimpor: consumer secret aplikasi yang sudah ada tidak dapat dibaca ulang`);
    const now = await access.readAccess(this.client(props), props);
    return now ? { id, props: now } : {};
  },

  async update(_id, olds, news) {
    return { outs: await access.updateAccess(this.client(news), olds, news) };
  },

  /** Decommission: revoke the API key, unsubscribe, delete the application (its keys go with it). */
  async delete(_id, props) {
    await access.deleteAccess(this.client(props), props);
  },
};
