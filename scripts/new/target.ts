/** The request an edit command works on, found by id in the working tree. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { LoadedRequest } from "../../infra/core/load/requests";
import { KIND_FOLDER } from "../../infra/core/kinds";
import { type Project, readRequests } from "../../infra/core/project";
import { configAndFolder, type ProjectOptions } from "../commands/project-options";
import { type Io, UsageError } from "../commands/types";

export interface Target {
  file: string;
  loaded: LoadedRequest;
  text: string;
}

export function findTarget(project: Project, id: string): Target {
  const loaded = project.requests.find((r) => r.request.metadata.id === id);
  if (loaded) {
    const file = path.join(project.requestsDir, KIND_FOLDER[loaded.request.kind], `${id}.yaml`);
    return { file, loaded, text: fs.readFileSync(file, "utf8") };
  }
  const exists = Object.values(KIND_FOLDER).some((f) => fs.existsSync(path.join(project.requestsDir, f, `${id}.yaml`)));
  throw new UsageError(
    exists
      ? `permintaan ${id} tidak valid sekarang; perbaiki dulu (pusdat validate) sebelum mengubahnya`
      : `tidak ada permintaan dengan id ${JSON.stringify(id)} di ${project.requestsDir}`,
  );
}

/** resize and decommission: the project as it is now and the request `id` they edit, or exit 2 saying why. */
export function editTarget(opts: ProjectOptions & { branch?: boolean; openPr?: boolean }, io: Io, id: string) {
  if (opts.openPr && !opts.branch) throw new UsageError("--open-pr hanya bersama --branch");
  const { config, dir } = configAndFolder(opts, io);
  const before = readRequests(config, dir);
  const t = findTarget(before, id);
  return { before, t, r: t.loaded.request, id: t.loaded.request.metadata.id };
}
