/**
 * The Pulumi entry point (Pulumi.yaml `main`). Its resolved value becomes the stack outputs. The
 * project is opened once, through the core's front door, in the folder \`pulumi up\` runs in.
 */
import * as pulumi from "@pulumi/pulumi";
import { openProject } from "./core/project";
import { runProgram } from "./program/program";

export = runProgram(openProject({ stack: pulumi.getStack() }));
