/** Open a published design's page in a test, on a fake API. */
import { Outlet } from 'react-router';
import { vi } from 'vitest';
import { type FakeRoute, fakeApi, jsonResponse } from '@/testing/http';
import { renderRoutes } from '@/testing/render';
import { PublicDesignPage } from '../components/public-design-page';
import type { Comment, PublicDesign } from '../types';

const routes = [
  {
    element: <Outlet />,
    children: [
      { path: 'd/:slug', element: <PublicDesignPage /> },
      { path: 'signin', element: <h1>Sign in</h1> },
    ],
  },
];

/** `routes` win over the defaults: the design, its (empty) comments and the view count. */
export function showDesign(
  design: PublicDesign,
  {
    routes: extra = {},
    comments = [],
  }: { routes?: Record<string, FakeRoute>; comments?: Comment[] } = {},
) {
  const api = fakeApi({
    [`GET /designs/by-slug/${design.slug ?? ''}`]: () => jsonResponse(design),
    [`POST /designs/${design.id}/views`]: () => new Response(null, { status: 204 }),
    [`GET /designs/${design.id}/comments?limit=20`]: () =>
      jsonResponse({ items: comments, next_cursor: null }),
    ...extra,
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(routes, `/d/${design.slug ?? ''}`);
  return { ...view, api };
}
