import { defineStore } from 'pinia';
import { ref } from 'vue';
import { parseReviewPath, reviewHash, isReviewRoute, workspaceHref, type ReviewRoute } from '../../review/routes.ts';

/** The screens of the app, addressed by the URL hash so a reload reopens the same one. */
export type Route =
  | { readonly name: 'start' }
  | { readonly name: 'profile' }
  | { readonly name: 'new' }
  | { readonly name: 'encounter'; readonly id: string }
  | ReviewRoute;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const encounter = /^\/encounter\/([^/]+)$/.exec(path);
  if (encounter) return { name: 'encounter', id: decodeURIComponent(encounter[1]!) };
  if (path === '/profile') return { name: 'profile' };
  if (path === '/new') return { name: 'new' };
  return parseReviewPath(path) ?? { name: 'start' };
}

export function hashOf(route: Route): string {
  if (isReviewRoute(route)) return reviewHash(route);
  switch (route.name) {
    case 'encounter':
      return workspaceHref(route.id);
    case 'profile':
      return '#/profile';
    case 'new':
      return '#/new';
    default:
      return '#/';
  }
}

/**
 * Asked before the screen changes; false (or a promise of false) to stay, and the screen being left
 * says why. The encounter workspace uses it to store its last edits before another screen replaces
 * it. An answer it can give at once should be a plain `true`, not a promise (see navigate).
 */
export type LeaveGuard = (from: Route, to: Route) => boolean | Promise<boolean>;

/** A tiny hash router: no router library is needed for four screens. */
export const useRouteStore = defineStore('route', () => {
  const current = ref<Route>(parseHash(location.hash));
  /** Where the clinician asked to go while the screen being left was not ready to let go. */
  const held = ref<Route | null>(null);
  let guard: LeaveGuard | null = null;
  /** Only the latest of several quick navigations takes effect. */
  let attempt = 0;

  window.addEventListener('hashchange', () => {
    const to = parseHash(location.hash);
    if (hashOf(to) === hashOf(current.value)) return;
    void navigate(to, { replace: true, addressChanged: true });
  });

  /** addressChanged: a link or the address bar has already put `to` in the address. */
  async function navigate(to: Route, options: { replace?: boolean; force?: boolean; addressChanged?: boolean }): Promise<boolean> {
    const mine = ++attempt;
    const from = current.value;
    if (!options.force && guard !== null && hashOf(from) !== hashOf(to)) {
      held.value = null;
      const answer = guard(from, to);
      // While the screen being left is asked, or once it has refused, the address shows that screen,
      // so a reload reopens it. A screen that lets go at once leaves the address alone: putting it
      // back and forward again in the same task is still seen by the browser, and a reload that
      // falls between the two reopened the screen just left.
      if (options.addressChanged && answer !== true) history.replaceState(history.state, '', hashOf(from));
      const allowed = answer === true || (await answer);
      if (mine !== attempt) return false;
      if (!allowed) {
        held.value = to;
        return false;
      }
    }
    held.value = null;
    const hash = hashOf(to);
    if (options.replace) history.replaceState(history.state, '', hash);
    else if (location.hash !== hash) history.pushState(history.state, '', hash);
    current.value = to;
    return true;
  }

  /** Changes the screen once the screen being left lets go (see LeaveGuard). */
  function go(route: Route, options: { replace?: boolean } = {}): Promise<boolean> {
    return navigate(route, options);
  }

  /** Goes where the clinician asked to, even though the screen being left could not store everything. */
  function goAnyway(): Promise<boolean> {
    const to = held.value;
    return to === null ? Promise.resolve(false) : navigate(to, { force: true });
  }

  function setLeaveGuard(next: LeaveGuard | null): void {
    guard = next;
  }

  return { current, held, go, goAnyway, setLeaveGuard };
});
