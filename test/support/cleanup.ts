// Jest setup file (jest.config.js, setupFilesAfterEnv): every test file removes the folders it made.
import { removeTempDirs } from "./tmp";

afterAll(removeTempDirs);
