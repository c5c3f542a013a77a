/** Where a value sits in a request or configuration document: keys and list indexes from the root. */
export type Path = ReadonlyArray<string | number>;
