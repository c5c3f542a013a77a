import { approversFrom } from "./approvers";

const KABID = '    - login: kabid-spbe\n      name: Budi Santoso, S.Kom.\n      nip: "198001012005011001"\n      position: Kepala Bidang SPBE\n';
const F = "Pulumi.contoh.yaml";

const ROWS: Array<[string, string | null, ReturnType<typeof approversFrom>]> = [
  ["one approver", `config:\n  pusdat:approvers:\n${KABID}`, { ok: true, logins: ["kabid-spbe"] }],
  ["no approvers key: nobody", "config:\n  pusdat:zone: contohkab.go.id\n", { ok: true, logins: [] }],
  ["an empty list", "config:\n  pusdat:approvers: []\n", { ok: true, logins: [] }],
  ["no stack file", null, { ok: false, reason: "berkas Pulumi.contoh.yaml belum ada" }],
  ["no config mapping", "encryptionsalt: x\n", { ok: false, reason: "Pulumi.contoh.yaml tidak memuat mapping 'config'" }],
  ["broken YAML", "config:\n  pusdat:approvers: [\n", { ok: false, reason: "Pulumi.contoh.yaml:3:1: sintaks YAML tidak sah (BAD_INDENT): Flow sequence in block collection must be sufficiently indented and end with a ]" }],
  [
    "an invalid entry makes the whole list unreadable",
    `config:\n  pusdat:approvers:\n${KABID}    - login: teknisi-agus\n      name: Agus Prasetyo\n      nip: "12345"\n      position: Pranata Komputer\n`,
    { ok: false, reason: "pusdat:approvers[1].nip tidak sah: NIP 18 digit" },
  ],
  ["not a list", "config:\n  pusdat:approvers: kabid-spbe\n", { ok: false, reason: "pusdat:approvers tidak sah: Input tidak valid: diharapkan array, diterima string" }],
];

describe("approversFrom", () => {
  test.each(ROWS)("%s", (_name, text, expected) => {
    expect(approversFrom(text === null ? null : Buffer.from(text), F)).toEqual(expected);
  });
});
