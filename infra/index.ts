/** The Pulumi entry point (Pulumi.yaml `main`). Its resolved value becomes the stack outputs. */
import { runProgram } from "./program";

export = runProgram();
