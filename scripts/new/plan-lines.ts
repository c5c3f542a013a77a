/** What a merge would build for one request: the lines of `pusdat plan` that name it. Heavy (runs the program under mocks). */
import type { Project } from "../../infra/core/project";
import { formatPlan } from "../plan-format";
import { makePlan } from "../plan";

export async function planLinesFor(project: Project, id: string, file: string): Promise<string[]> {
  const plan = await makePlan(project);
  return formatPlan(plan, "text")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.includes(` — ${id} (`) || l.startsWith(`${id} (`) || (file !== "" && l.includes(file)));
}
