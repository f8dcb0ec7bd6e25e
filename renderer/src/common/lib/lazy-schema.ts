/**
 * A schema of the contract loaded apart from the start-up script: building the contract's schemas
 * took about 40 ms of the workspace's first paint (150 ms with the CPU slowed 4x), and loading the
 * schema library itself about 30 ms more (100 ms at 4x; issue 15). It is asked for when a form that
 * checks input opens, and at each use.
 *
 * Until it has arrived, input goes out unchecked here and the main process checks it with the same
 * schema, as it checks every call: invalid input is refused with the field it is about, shown as
 * any refusal is. A file that failed to load (a damaged install) is not asked for again.
 */
export interface LazySchema<T> {
  /** Starts loading, once per page; resolves when it has arrived or failed. */
  load(): Promise<void>;
  /** The schema if it has arrived, else null. */
  current(): T | null;
}

export function lazySchema<T>(loader: () => Promise<T>): LazySchema<T> {
  let schema: T | null = null;
  let loading: Promise<void> | null = null;
  return {
    load() {
      loading ??= loader().then(
        (loaded) => {
          schema = loaded;
        },
        () => {
          // Not loaded: the main process still checks every call.
        },
      );
      return loading;
    },
    current: () => schema,
  };
}
