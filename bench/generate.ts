/**
 * Synthetic, valid request sets of any size for the benchmarks: the same four kinds as the samples,
 * spread over enough OPDs to stay under the per-OPD totals, with VMs up to the cluster's capacity.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const HEADER = "apiVersion: pusdat/v1\n";
const MAX_VMS = 90; // 45 per node: 45 × 20 GB of disk (the templates' minimum) under 1000 GB, 45 × 1 GB under 64 GB of memory

function metadata(id: string, i: number): string {
  const day = String((i % 28) + 1).padStart(2, "0");
  return `metadata:
  id: ${id}
  opd: Dinas Uji ${Math.floor(i / 15)}
  contact:
    name: Petugas Uji ${i}
    email: petugas${i}@contohkab.go.id
    phone: "+628123${String(i).padStart(7, "0")}"
  notaDinas:
    number: "000.8.3.3/${i}/UJI/2026"
    date: 2026-10-${day}
  purpose: Permintaan uji beban nomor ${i} untuk mengukur validasi
`;
}

export function generateRequests(dir: string, n: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of ["subdomain", "hosting", "vm", "api"]) fs.mkdirSync(path.join(dir, f), { recursive: true });
  let vms = 0;
  for (let i = 0; i < n; i++) {
    const slot = i % 10;
    let folder: string;
    let body: string;
    if (slot === 0 && vms < MAX_VMS) {
      const k = vms++;
      folder = "vm";
      body = `kind: VirtualMachine
${metadata(`vm-${i}`, i)}spec:
  location: pusat-komputasi
  hostname: vm-${i}
  cpu: 1
  memoryGb: 1
  diskGb: 20
  os: debian-12
  sshKeys:
    - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOcontohKunciPublikUjiBebanTidakNyata${String(k).padStart(3, "0")} uji@bench
  ports: [22, 443]
  node: pve${(k % 2) + 1}
  vmid: ${200 + k}
  ip: 10.20.30.${10 + k}
`;
    } else if (slot === 1 || slot === 2) {
      folder = "hosting";
      body = `kind: HostingAccount
${metadata(`web-${i}`, i)}spec:
  domain: web-${i}
  username: u${String(i).padStart(7, "0")}
  plan: kecil
`;
    } else if (slot === 3) {
      folder = "api";
      body = `kind: ApiAccess
${metadata(`api-${i}`, i)}spec:
  channel: pertukaran-lokal
  consumer:
    application: Aplikasi Uji ${i}
  provider:
    opd: Dinas Penyedia Uji
    api: API Uji ${i}
    approval:
      notaDinas: { number: "500/${i}/UJI/2026", date: 2026-11-28 }
      approver: Kepala Dinas Penyedia Uji
  endpoints:
    - method: GET
      path: /uji/v1/data/${i}
  data: [kode, nilai]
  auth: api-key
`;
    } else {
      folder = "subdomain";
      body = `kind: Subdomain
${metadata(`app-${i}`, i)}spec:
  name: app-${i}
  target:
    ip: 203.0.113.${i % 250}
  proxied: ${i % 3 !== 0}
`;
    }
    const id = body.match(/^  id: (.+)$/m)![1];
    fs.writeFileSync(path.join(dir, folder, `${id}.yaml`), HEADER + body);
  }
}
