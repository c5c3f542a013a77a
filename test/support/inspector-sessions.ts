/**
 * Pulumi's closure serializer (the SPLP dynamic provider) opens an inspector session with the
 * debugger enabled and never closes it; the remote objects it asked about stay pinned. In a jest
 * worker, which runs many test files in one process, that session outlives its test file: it keeps
 * the file's whole module registry alive and leaves the debugger on for every later file. Each
 * test file here closes the sessions it opened.
 */
import * as inspector from "node:inspector";

export function closeInspectorSessionsAfterAll(): void {
  const opened: inspector.Session[] = [];
  const connect = inspector.Session.prototype.connect;
  inspector.Session.prototype.connect = function (this: inspector.Session) {
    opened.push(this);
    return connect.call(this);
  };
  afterAll(() => {
    inspector.Session.prototype.connect = connect;
    for (const s of opened.splice(0)) s.disconnect();
  });
}
