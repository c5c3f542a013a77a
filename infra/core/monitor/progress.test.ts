import { progressBar, showProgress } from "./progress";

describe("progress bar", () => {
  it.each([
    [0, 40, 10, "pemantauan [----------]   0% 0/40"],
    [20, 40, 10, "pemantauan [#####-----]  50% 20/40"],
    [39, 40, 10, "pemantauan [#########-]  97% 39/40"],
    [40, 40, 10, "pemantauan [##########] 100% 40/40"],
    [0, 0, 4, "pemantauan [####] 100% 0/0"],
  ])("%i of %i", (done, total, width, want) => expect(progressBar(done, total, width)).toBe(want));

  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { CI: "true" }, false],
    [false, { CI: "true" }, false],
  ])("terminal %s, env %j", (tty, env, want) => expect(showProgress(tty, env)).toBe(want));
});
