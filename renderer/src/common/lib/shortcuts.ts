import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Every action of the app has a keyboard shortcut. Alt+letter shortcuts work everywhere, even while
 * typing; the single keys "/" and "?" only when the focus is not in a text field, so they can still
 * be typed into notes.
 */
export type ShortcutId =
  | 'help'
  | 'picker'
  | 'new'
  | 'home'
  | 'history'
  | 'save'
  | 'sign'
  | 'patient'
  | 'complaint'
  | 'bodymap'
  | 'findings'
  | 'notes'
  | 'referral'
  | 'differential'
  | 'redflags'
  | 'profile';

export interface Shortcut {
  readonly id: ShortcutId;
  /** As shown to the user. */
  readonly keys: string;
  readonly description: string;
  /** Where it applies, for the help overlay. */
  readonly where: 'everywhere' | 'encounter';
  readonly match: (e: KeyboardEvent) => boolean;
}

const alt = (code: string) => (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && e.code === code;

export const isTextEntry = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', keys: '? or F1', description: 'Show or hide these shortcuts', where: 'everywhere', match: (e) => e.key === 'F1' || (e.key === '?' && !e.altKey && !e.ctrlKey && !isTextEntry(e.target)) },
  { id: 'new', keys: 'Alt+N', description: 'Start a new encounter', where: 'everywhere', match: alt('KeyN') },
  { id: 'home', keys: 'Alt+H', description: 'Go to the start screen (recent encounters)', where: 'everywhere', match: alt('KeyH') },
  { id: 'history', keys: 'Alt+Y', description: 'Go to the history (search every encounter)', where: 'everywhere', match: alt('KeyY') },
  { id: 'profile', keys: 'Alt+U', description: 'Edit your clinician profile', where: 'everywhere', match: alt('KeyU') },
  { id: 'picker', keys: '/ or Ctrl+K', description: 'Find a finding by name (type-ahead)', where: 'encounter', match: (e) => (e.key === '/' && !e.ctrlKey && !e.altKey && !isTextEntry(e.target)) || (e.ctrlKey && !e.altKey && e.code === 'KeyK') },
  { id: 'save', keys: 'Ctrl+S', description: 'Save now (saving is also automatic)', where: 'encounter', match: (e) => e.ctrlKey && !e.altKey && e.code === 'KeyS' },
  { id: 'sign', keys: 'Alt+S', description: 'Sign the encounter (asks to confirm)', where: 'encounter', match: alt('KeyS') },
  { id: 'patient', keys: 'Alt+P', description: 'Go to the patient details', where: 'encounter', match: alt('KeyP') },
  { id: 'complaint', keys: 'Alt+C', description: 'Go to the complaint', where: 'encounter', match: alt('KeyC') },
  { id: 'bodymap', keys: 'Alt+B', description: 'Go to the body map', where: 'encounter', match: alt('KeyB') },
  { id: 'findings', keys: 'Alt+F', description: 'Go to the findings list', where: 'encounter', match: alt('KeyF') },
  { id: 'notes', keys: 'Alt+O', description: 'Go to the notes', where: 'encounter', match: alt('KeyO') },
  { id: 'referral', keys: 'Alt+L', description: 'Go to the working diagnosis and referral', where: 'encounter', match: alt('KeyL') },
  { id: 'redflags', keys: 'Alt+R', description: 'Go to the red flags', where: 'encounter', match: alt('KeyR') },
  { id: 'differential', keys: 'Alt+D', description: 'Go to the differential checklist', where: 'encounter', match: alt('KeyD') },
];

/** Keys inside the finding picker and the finding controls, for the help overlay. */
export const PICKER_KEYS: readonly { keys: string; description: string }[] = [
  { keys: '↑ / ↓', description: 'Move through the matching findings' },
  { keys: 'Enter', description: 'Record the finding as present' },
  { keys: 'Shift+Enter', description: 'Record the finding as absent (a pertinent negative)' },
  { keys: 'Ctrl+Delete', description: 'Set the finding back to not recorded' },
  { keys: 'Escape', description: 'Clear the search' },
  { keys: 'Enter, Shift+Enter, Ctrl+Delete on a finding', description: 'Record it present, absent, or not recorded (as in the picker)' },
  { keys: 'Space on a finding', description: 'Choose the option in focus' },
  { keys: '↑ / ↓ on a finding', description: 'Go to the previous or next finding (never changes one)' },
  { keys: '← / → on a finding', description: 'Move between its options without choosing one' },
  { keys: 'Enter or Space on the body map', description: 'Mark or unmark a region on that side' },
];

type Handler = () => void;
const handlers = new Map<ShortcutId, Handler[]>();

/** Registers what a shortcut does while the calling component is mounted (the last one mounted wins). */
export function useShortcut(id: ShortcutId, handler: Handler): void {
  onMounted(() => handlers.set(id, [...(handlers.get(id) ?? []), handler]));
  onBeforeUnmount(() => handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== handler)));
}

/** The one keydown listener of the app. */
export function dispatchShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return false;
  const shortcut = SHORTCUTS.find((s) => s.match(e));
  const handler = shortcut && handlers.get(shortcut.id)?.at(-1);
  if (!handler) return false;
  e.preventDefault();
  handler();
  return true;
}

/** Moves the focus to an element, scrolling it into view; for the "go to" shortcuts. */
export function focusById(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}
