import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { fakeApi, jsonResponse } from '@/testing/http';
import { nth } from '@/testing/lists';
import { renderWithRouter } from '@/testing/render';
import { menuItem } from '../testing/fixtures';
import type { Menu } from '../types';
import { MenuPage } from './menu-page';

function showMenu(menus: Partial<Record<'en' | 'fr', Menu>>) {
  const api = fakeApi({
    'GET /menu?lang=en': () => jsonResponse(menus.en ?? { sections: [] }),
    'GET /menu?lang=fr': () => jsonResponse(menus.fr ?? { sections: [] }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderWithRouter(<MenuPage />, '/menu');
  return { ...view, api };
}

beforeEach(() => {
  apiClient.session.clear();
});

describe('the menu', () => {
  it('lists what is served by template, with what a diner needs to choose', async () => {
    showMenu({
      en: {
        sections: [
          {
            template: { id: 'tpl-burger', name: 'Burger' },
            items: [
              menuItem({ slug: 'smoky-ada', allergens: ['milk', 'gluten'] }),
              menuItem({
                slug: 'green-ben',
                allergens: [],
                dietary: ['vegan', 'dairy_free'],
                creators: ['Ben'],
                ratings: { count: 0, mean: null, lower_bound: 0 },
              }),
            ],
          },
          { template: { id: 'tpl-bowl', name: 'Bowl' }, items: [menuItem({ slug: 'poke' })] },
        ],
      },
    });

    const sections = await screen.findAllByTestId('menu-section');
    expect(
      sections.map((section) => within(section).getByRole('heading', { level: 2 }).textContent),
    ).toEqual(['Burger', 'Bowl']);
    const items = within(nth(sections, 0)).getAllByTestId('menu-item');
    const smoky = nth(items, 0);
    expect(within(smoky).getByRole('link', { name: 'smoky-ada' })).toHaveAttribute(
      'href',
      '/d/smoky-ada',
    );
    expect(within(smoky).getByRole('img', { name: 'Picture of smoky-ada' })).toHaveAttribute(
      'src',
      '/d/smoky-ada/preview.png',
    );
    expect(within(smoky).getByTestId('menu-price')).toHaveTextContent('€12.50');
    expect(within(smoky).getByTestId('menu-credits')).toHaveTextContent('by Ana and Ben');
    expect(within(smoky).getByTestId('menu-rating')).toHaveTextContent(
      'Rated 4.4 out of 5 by 42 people',
    );
    expect(within(smoky).getByText('780 kcal')).toBeVisible();
    // In the regulation's order, whatever order they came in.
    expect(within(smoky).getByTestId('menu-allergens')).toHaveTextContent('Contains: Gluten, Milk');
    expect(within(smoky).getByTestId('menu-dietary')).toHaveTextContent('Vegetarian');

    const green = nth(items, 1);
    expect(within(green).getByTestId('menu-allergens')).toHaveTextContent('No allergens declared.');
    expect(within(green).getByTestId('menu-dietary')).toHaveTextContent(/Vegan.*Dairy-free/);
    expect(within(green).getByTestId('menu-rating')).toHaveTextContent('No ratings yet');
  });

  it('asks for the menu in the reader’s language', async () => {
    await i18n.changeLanguage('fr');
    showMenu({
      fr: {
        sections: [
          { template: { id: 'tpl-bowl', name: 'Bol' }, items: [menuItem({ slug: 'poke' })] },
        ],
      },
    });

    expect(await screen.findByRole('heading', { level: 2, name: 'Bol' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'La carte' })).toBeVisible();
  });

  it('says when nothing is on the menu yet, and where to help', async () => {
    showMenu({ en: { sections: [] } });

    expect(await screen.findByTestId('menu-empty')).toHaveTextContent('Nothing on the menu yet.');
    expect(screen.getByRole('link', { name: 'Vote for the next menu' })).toHaveAttribute(
      'href',
      '/vote',
    );
  });
});
