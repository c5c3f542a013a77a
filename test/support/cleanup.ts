// Jest setup file (jest.config.js, setupFilesAfterEnv): every test file removes the folders it made
// and closes the inspector sessions it opened.
import { closeInspectorSessionsAfterAll } from "./inspector-sessions";
import { removeTempDirs } from "./tmp";

afterAll(removeTempDirs);
closeInspectorSessionsAfterAll();
