import type { LoadedRequest } from "../load/requests";
import { fixtureProject } from "../../../test/support/verify-fixture";
import { parseNameStatus, selectChanged, selectIds } from "./select";

const z = (...parts: string[]) => parts.join("\0") + "\0";

describe("parseNameStatus (git diff --name-status --no-renames -z)", () => {
  test("request files with their status; other files and nested folders are ignored", () => {
    const text = z(
      "A", "requests/subdomain/sibapo.yaml",
      "M", "requests/vm/sibapo-app.yaml",
      "D", "requests/hosting/disdik-web.yaml",
      "M", "requests/README.md",
      "A", "requests/vm/lama/x.yaml",
      "T", "requests/api/pangan-uji.yaml",
    );
    expect(parseNameStatus(text, "requests")).toEqual([
      { status: "added", id: "sibapo", path: "requests/subdomain/sibapo.yaml" },
      { status: "modified", id: "sibapo-app", path: "requests/vm/sibapo-app.yaml" },
      { status: "removed", id: "disdik-web", path: "requests/hosting/disdik-web.yaml" },
      { status: "modified", id: "pangan-uji", path: "requests/api/pangan-uji.yaml" },
    ]);
  });

  test("a requests folder deeper in the repository", () => {
    expect(parseNameStatus(z("A", "ops/requests/subdomain/ppid.yaml", "A", "requests/subdomain/ppid.yaml"), "ops/requests")).toEqual([
      { status: "added", id: "ppid", path: "ops/requests/subdomain/ppid.yaml" },
    ]);
  });

  test("nothing changed", () => expect(parseNameStatus("", "requests")).toEqual([]));
});

describe("selectChanged / selectIds", () => {
  const all = () => fixtureProject().requests;
  const only = (...ids: string[]) => all().filter((r) => ids.includes(r.request.metadata.id));
  const summary = (s: ReturnType<typeof selectChanged>) => ({ items: s.items.map((i) => [i.id, i.change, i.request.kind]), missing: s.missing });

  test("added → create, modified → update, decommissioned → decommission, removed → remove (from the base)", () => {
    const files = parseNameStatus(
      z("A", "requests/subdomain/sibapo.yaml", "M", "requests/vm/sibapo-app.yaml", "M", "requests/hosting/kec-lama.yaml", "D", "requests/subdomain/ppid.yaml"),
      "requests",
    );
    const current: LoadedRequest[] = only("sibapo", "sibapo-app", "kec-lama");
    expect(summary(selectChanged(files, current, only("ppid")))).toEqual({
      items: [
        ["kec-lama", "decommission", "HostingAccount"],
        ["ppid", "remove", "Subdomain"],
        ["sibapo", "create", "Subdomain"],
        ["sibapo-app", "update", "VirtualMachine"],
      ],
      missing: [],
    });
  });

  test("a file moved between folders counts once, as the new file; a changed file with no valid request is missing", () => {
    const files = parseNameStatus(z("D", "requests/vm/sibapo.yaml", "A", "requests/subdomain/sibapo.yaml", "M", "requests/subdomain/rusak.yaml"), "requests");
    expect(summary(selectChanged(files, only("sibapo"), []))).toEqual({ items: [["sibapo", "create", "Subdomain"]], missing: ["rusak"] });
  });

  test("ids named on the command line", () => {
    expect(summary(selectIds(["eoffice-lama", "sibapo", "sibapo", "tidak-ada"], all()))).toEqual({
      items: [
        ["eoffice-lama", "decommission", "VirtualMachine"],
        ["sibapo", "update", "Subdomain"],
      ],
      missing: ["tidak-ada"],
    });
  });
});
