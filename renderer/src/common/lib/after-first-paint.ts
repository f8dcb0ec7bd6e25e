import { onMounted, ref, type Ref } from 'vue';

/**
 * False until the frame after the component first painted, then true: for parts of a screen that
 * are below the fold when it opens, so that the first screen paints without building them (the
 * workspace's 94 findings are a thousand elements, below the patient and the picker). A window
 * that is not shown gets no animation frames; the timer makes sure the part appears anyway.
 */
export function useAfterFirstPaint(): Readonly<Ref<boolean>> {
  const ready = ref(false);
  onMounted(() => {
    const done = (): void => {
      ready.value = true;
    };
    requestAnimationFrame(() => setTimeout(done));
    setTimeout(done, 250);
  });
  return ready;
}
