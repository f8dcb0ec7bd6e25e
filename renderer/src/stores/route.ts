import { defineStore } from 'pinia';
import { ref } from 'vue';
import { parseReviewPath, reviewHash, isReviewRoute, workspaceHref, type ReviewRoute } from '../review/routes.ts';

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

/** A tiny hash router: no router library is needed for four screens. */
export const useRouteStore = defineStore('route', () => {
  const current = ref<Route>(parseHash(location.hash));

  window.addEventListener('hashchange', () => {
    current.value = parseHash(location.hash);
  });

  function go(route: Route, options: { replace?: boolean } = {}): void {
    const hash = hashOf(route);
    if (options.replace) history.replaceState(history.state, '', hash);
    else if (location.hash !== hash) history.pushState(history.state, '', hash);
    current.value = route;
  }

  return { current, go };
});
