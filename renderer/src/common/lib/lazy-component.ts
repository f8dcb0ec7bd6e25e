import { defineAsyncComponent, defineComponent, h, onMounted, ref, type AsyncComponentLoader, type Component } from 'vue';

/** What a lazily loaded part of a screen shows in its place when its file cannot be loaded. */
export interface LoadFailure {
  /** A heading for a whole screen (the focus moves to a screen's h1), or null inside a screen. */
  readonly heading: string | null;
  /** What cannot be done, in the clinician's words. */
  readonly consequence: string;
}

/**
 * A component whose code is loaded when it is first shown. Its file is part of the installed app,
 * so loading fails only when the install is damaged or half-updated; the place it would fill then
 * says so, and that the record is unaffected, instead of staying empty.
 */
export function lazyComponent(loader: AsyncComponentLoader, failure: LoadFailure): Component {
  const words = `${failure.consequence} What is already recorded is not affected and saving goes on as usual. Restart Leg Pain DDx; if this happens again, reinstall it.`;
  const LoadFailed = defineComponent({
    name: 'LoadFailed',
    // Vue hands it the loader's error, which is for the log, not for the screen.
    inheritAttrs: false,
    setup() {
      const heading = ref<HTMLElement | null>(null);
      // A screen's heading takes the focus when the screen opens; this one appears only once the
      // load has failed, after the screen change moved the focus.
      onMounted(() => heading.value?.focus());
      return () =>
        h('div', { class: 'problem load-failed', role: 'alert' }, [
          failure.heading === null ? null : h('h1', { ref: heading, tabindex: -1 }, failure.heading),
          h('p', `Part of Leg Pain DDx could not be loaded. ${words}`),
        ]);
    },
  });
  return defineAsyncComponent({ loader, errorComponent: LoadFailed });
}
