/**
 * Explicit providers. Credentials stay in the environment, where each provider reads them itself,
 * so no token is ever stored in the stack's state; what is missing is said before anything runs.
 */
import * as proxmoxve from "@muhlba91/pulumi-proxmoxve";
import * as cloudflare from "@pulumi/cloudflare";
import * as command from "@pulumi/command";
import * as random from "@pulumi/random";
import type { SiteConfig } from "../core/config/site";
import { credentialsOf } from "../core/kinds";
import type { LoadedRequest } from "../core/load/requests";

const NEEDS: Record<string, string> = {
  CLOUDFLARE_API_TOKEN: "token API Cloudflare dengan izin Zone:DNS:Edit dan Zone:DNS:Read pada zona stack (ditambah Zone:Zone:Read bila Zone ID tidak diisi)",
  WHM_HOST: "nama host server WHM (mis. hosting.contohkab.go.id)",
  WHM_API_TOKEN: "token API WHM untuk root dengan ACL pembuatan akun, perubahan paket, ganti kata sandi (passwd) dan suspend akun",
  PROXMOX_VE_API_TOKEN: "token API Proxmox user@realm!tokenid=uuid dengan hak VM.Allocate, VM.Clone, VM.Config.*, VM.PowerMgmt, VM.Audit, VM.Migrate, VM.Monitor, Datastore.AllocateSpace, Datastore.Audit, SDN.Use, Sys.Audit dan Sys.Modify (job cadangan); rinciannya di README",
};

/** Which credentials the requests' resources need (kinds.ts) and the environment lacks, each with what it must be. */
export function missingCredentials(requests: ReadonlyArray<LoadedRequest>, env: NodeJS.ProcessEnv): string[] {
  const need = new Set(requests.flatMap((r) => credentialsOf(r.request)));
  return Object.keys(NEEDS).filter((k) => need.has(k) && !env[k]).map((k) => `${k}: ${NEEDS[k]}`);
}

export function createProviders(site: SiteConfig, env: NodeJS.ProcessEnv) {
  return [
    new cloudflare.Provider("cloudflare", {}),
    new proxmoxve.Provider("proxmoxve", { endpoint: env.PROXMOX_VE_ENDPOINT || site.proxmox.endpoint, insecure: false }),
    new command.Provider("command", {}),
    new random.Provider("random", {}),
  ];
}
