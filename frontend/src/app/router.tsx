import { Outlet, createBrowserRouter, type RouteObject } from 'react-router';
import { AuditPage } from '@/features/admin/components/audit-page';
import { MailPage } from '@/features/admin/components/mail-page';
import { AccountPage } from '@/features/auth/components/account-page';
import { ForgotPasswordPage } from '@/features/auth/components/forgot-password-page';
import { ResetPasswordPage } from '@/features/auth/components/reset-password-page';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { SignUpPage } from '@/features/auth/components/sign-up-page';
import { VerifyEmailPage } from '@/features/auth/components/verify-email-page';
import { AnalyticsPage } from '@/features/brand/components/analytics-page';
import { BrandConsolePage } from '@/features/brand/components/brand-console-page';
import { BrandSettingsPage } from '@/features/brand/components/brand-settings-page';
import { ListingsPage } from '@/features/brand/components/listings-page';
import { ModerationPage } from '@/features/brand/components/moderation-page';
import { ReviewQueuePage } from '@/features/brand/components/review-queue-page';
import { CoCreatorsPage } from '@/features/design/components/co-creators-page';
import { PublicDesignPage } from '@/features/design/components/public-design-page';
import { StudioHomePage } from '@/features/design/components/studio-home-page';
import { StudioPage } from '@/features/design/components/studio-page';
import { EarningsPage } from '@/features/earnings/components/earnings-page';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { MenuPage } from '@/features/menu/components/menu-page';
import { HomePage } from '@/features/shell/components/home-page';
import { NotFoundPage } from '@/features/shell/components/not-found-page';
import { VotePage } from '@/features/vote/components/vote-page';
import { CrashPage } from './crash-page';
import { RequireAdmin, RequireAuth, RequireBrandRole } from './guards';
import { AppLayout } from './layout/app-layout';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'design', element: <StudioHomePage /> },
      // One page for both: a new design's first save moves it to its draft's address.
      {
        path: 'design/new/:templateId',
        element: (
          <RequireAuth>
            <StudioPage />
          </RequireAuth>
        ),
      },
      {
        path: 'design/:id/edit',
        element: (
          <RequireAuth>
            <StudioPage />
          </RequireAuth>
        ),
      },
      {
        path: 'design/:id/co-creators',
        element: (
          <RequireAuth>
            <CoCreatorsPage />
          </RequireAuth>
        ),
      },
      { path: 'd/:slug', element: <PublicDesignPage /> },
      { path: 'vote', element: <VotePage /> },
      { path: 'menu', element: <MenuPage /> },
      // The brand console: curators, community managers and admins, every page.
      {
        path: 'brand',
        element: (
          <RequireAuth>
            <RequireBrandRole>
              <Outlet />
            </RequireBrandRole>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <BrandConsolePage /> },
          { path: 'reviews', element: <ReviewQueuePage /> },
          { path: 'listings', element: <ListingsPage /> },
          { path: 'moderation', element: <ModerationPage /> },
          { path: 'settings', element: <BrandSettingsPage /> },
          { path: 'analytics', element: <AnalyticsPage /> },
        ],
      },
      {
        path: 'earnings',
        element: (
          <RequireAuth>
            <EarningsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: 'notifications',
        element: (
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/mail',
        element: (
          <RequireAuth>
            <RequireAdmin>
              <MailPage />
            </RequireAdmin>
          </RequireAuth>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireAuth>
            <RequireAdmin>
              <AuditPage />
            </RequireAdmin>
          </RequireAuth>
        ),
      },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      // The links of the emails the server sends.
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
