import { join } from 'node:path';

/**
 * Where the app finds the files it reads at run time from outside its code bundle. A packaged app
 * has them next to its app.asar (the packaging config copies each of RUNTIME_RESOURCES there with
 * `extraResources`, because pdfmake reads fonts with plain file paths); a checkout, `npm start`
 * and the Node tools read them from resources/ at the repository root. Every caller goes through
 * resourcePath, so the two layouts cannot drift apart.
 */

/** The folders of resources/ a running app reads; the packaging config ships exactly these. */
export const RUNTIME_RESOURCES = ['fonts'] as const;
export type RuntimeResource = (typeof RUNTIME_RESOURCES)[number];

export interface ResourceLocation {
  /** Electron's app.isPackaged. */
  readonly isPackaged: boolean;
  /** Electron's process.resourcesPath: the folder holding app.asar (packaged runs). */
  readonly resourcesPath?: string | undefined;
  /** The folder holding package.json (unpackaged runs: the repository root). */
  readonly appPath: string;
}

export function resourcePath(name: RuntimeResource, where: ResourceLocation): string {
  if (!where.isPackaged) return join(where.appPath, 'resources', name);
  if (where.resourcesPath === undefined || where.resourcesPath === '') {
    throw new Error('A packaged app needs process.resourcesPath to find its resources');
  }
  return join(where.resourcesPath, name);
}
