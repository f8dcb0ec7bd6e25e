/** The IPC channel of a method. Kept free of imports so the sandboxed preload bundles nothing else. */
export const channelOf = (name: string): string => `api:${name}`;

/** The shape every method name has ("namespace.operation"); the main process checks it is in the table. */
export const METHOD_NAME_PATTERN = /^[a-z]+\.[A-Za-z]+$/;
