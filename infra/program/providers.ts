/**
 * Explicit providers. Credentials stay in the environment, where each provider reads them itself,
 * so no token is ever stored in the stack's state; what is missing is said before anything runs.
 */
import { Provider as ProxmoxProvider } from "@muhlba91/pulumi-proxmoxve/provider";
import { Provider as CloudflareProvider } from "@pulumi/cloudflare/provider";
import * as command from "@pulumi/command";
import * as random from "@pulumi/random";
import type { SiteConfig } from "../core/config/site";
import { credentialsOf } from "../core/kinds";
import type { LoadedRequest } from "../core/load/requests";
import { SPLP_CHANNELS, SPLP_TOKEN_CONFIG, SPLP_TOKEN_ENV } from "../core/config/splp";

const SPLP_SCOPES = "cakupan apim:subscribe apim:app_manage apim:sub_manage apim:api_key";
/** The SPLP tokens may also be stack secrets: the environment variable → its configuration key. */
const SPLP_CONFIG_OF: Record<string, string> = Object.fromEntries(SPLP_CHANNELS.map((c) => [SPLP_TOKEN_ENV[c], SPLP_TOKEN_CONFIG[c]]));

const NEEDS: Record<string, string> = {
  CLOUDFLARE_API_TOKEN: "token API Cloudflare dengan izin Zone:DNS:Edit dan Zone:DNS:Read pada zona stack (ditambah Zone:Zone:Read bila Zone ID tidak diisi)",
  WHM_HOST: "nama host server WHM (mis. hosting.contohkab.go.id)",
  WHM_API_TOKEN: "token API WHM untuk root dengan ACL pembuatan akun, perubahan paket, ganti kata sandi (passwd) dan suspend akun",
  PROXMOX_VE_API_TOKEN: "token API Proxmox user@realm!tokenid=uuid dengan hak VM.Allocate, VM.Clone, VM.Config.*, VM.PowerMgmt, VM.Audit, VM.Migrate, VM.Monitor, Datastore.AllocateSpace, Datastore.Audit, SDN.Use, Sys.Audit dan Sys.Modify (job cadangan); rinciannya di README",
  ...Object.fromEntries(
    SPLP_CHANNELS.map((c) => [SPLP_TOKEN_ENV[c], `token Developer Portal WSO2 kanal ${c} (${SPLP_SCOPES}); lebih baik sebagai rahasia stack: pulumi config set --secret ${SPLP_TOKEN_CONFIG[c]}`]),
  ),
};

/**
 * Which credentials the requests' resources need (kinds.ts) and the environment lacks, each with what
 * it must be. An SPLP token also counts when the stack holds it as a secret (`hasSecret`).
 */
export function missingCredentials(requests: ReadonlyArray<LoadedRequest>, env: NodeJS.ProcessEnv, hasSecret: (key: string) => boolean = () => false): string[] {
  const need = new Set(requests.flatMap((r) => credentialsOf(r.request)));
  const has = (k: string) => !!env[k] || (SPLP_CONFIG_OF[k] !== undefined && hasSecret(SPLP_CONFIG_OF[k]));
  return Object.keys(NEEDS).filter((k) => need.has(k) && !has(k)).map((k) => `${k}: ${NEEDS[k]}`);
}

/** Whether the stack configuration holds `namespace:key` (as a secret or not; its value is not read here). */
export const stackHas = (config: (ns: string) => { getSecret(k: string): unknown }) => (key: string) => {
  const [ns, name] = key.split(":");
  return !!ns && !!name && config(ns).getSecret(name) !== undefined;
};

export function createProviders(site: SiteConfig, env: NodeJS.ProcessEnv) {
  return [
    new CloudflareProvider("cloudflare", {}),
    new ProxmoxProvider("proxmoxve", { endpoint: env.PROXMOX_VE_ENDPOINT || site.proxmox.endpoint, insecure: false }),
    new command.Provider("command", {}),
    new random.Provider("random", {}),
  ];
}
