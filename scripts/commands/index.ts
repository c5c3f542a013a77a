/** Every `pusdat` command, in the order of a request's life (the order of the help). Adding a command = one file and one line here. */
import { archive } from "./archive";
import { audit } from "./audit";
import { dashboard } from "./dashboard";
import { decommission } from "./decommission";
import { docs } from "./docs";
import { doctor } from "./doctor";
import { evaluateCommand } from "./evaluate";
import { monitor } from "./monitor";
import { newRequest } from "./new";
import { plan } from "./plan";
import { resize } from "./resize";
import type { PusdatCommand } from "./types";
import { validate } from "./validate";
import { verify } from "./verify";

export const COMMANDS: PusdatCommand[] = [newRequest, resize, decommission, validate, plan, doctor, verify, docs, archive, monitor, audit, evaluateCommand, dashboard];
