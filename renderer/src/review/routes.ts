/**
 * The review screens' addresses: the app's hash router (stores/route.ts) asks this module for
 * them, so the review area adds screens without the router knowing their details.
 */
export type ReviewRoute =
  | { readonly name: 'history' }
  | { readonly name: 'review'; readonly id: string }
  | { readonly name: 'patient'; readonly identifier: string }
  | { readonly name: 'data' };

const NAMES = new Set(['history', 'review', 'patient', 'data']);

export const isReviewRoute = (route: { readonly name: string }): route is ReviewRoute => NAMES.has(route.name);

/** The route of a hash path (without "#"), or null when it is not a review screen. */
export function parseReviewPath(path: string): ReviewRoute | null {
  if (path === '/history') return { name: 'history' };
  if (path === '/data') return { name: 'data' };
  const review = /^\/review\/([^/]+)$/.exec(path);
  if (review) return { name: 'review', id: decodeURIComponent(review[1]!) };
  const patient = /^\/patient\/([^/]+)$/.exec(path);
  if (patient) return { name: 'patient', identifier: decodeURIComponent(patient[1]!) };
  return null;
}

export function reviewHash(route: ReviewRoute): string {
  switch (route.name) {
    case 'history':
      return '#/history';
    case 'data':
      return '#/data';
    case 'review':
      return `#/review/${encodeURIComponent(route.id)}`;
    case 'patient':
      return `#/patient/${encodeURIComponent(route.identifier)}`;
  }
}

export const reviewHref = (id: string): string => reviewHash({ name: 'review', id });
export const patientHref = (identifier: string): string => reviewHash({ name: 'patient', identifier });
export const workspaceHref = (id: string): string => `#/encounter/${encodeURIComponent(id)}`;
