import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n, initI18n } from '@/lib/i18n';

initI18n('en');

// jsdom lays nothing out, so it has no scrolling to do.
Element.prototype.scrollIntoView = function scrollIntoView() {
  // Nothing to scroll.
};

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
