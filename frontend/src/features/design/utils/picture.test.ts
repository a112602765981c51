import { describe, expect, it } from 'vitest';
import { burgerTemplate } from '../testing/fixtures';
import { stackLayers, studioPicture, svgDataUrl } from './picture';

describe('the picture', () => {
  it('paints layers from the lowest layer_z up, whatever order they were chosen in', () => {
    expect(
      stackLayers([
        { svg: 'sauce', z: 30 },
        { svg: 'bottom bun', z: 0 },
        { svg: 'patty', z: 10 },
        { svg: 'cheese', z: 20 },
      ]),
    ).toEqual(['bottom bun', 'patty', 'cheese', 'sauce']);
  });

  it('keeps the given order for layers on the same level', () => {
    expect(
      stackLayers([
        { svg: 'a', z: 5 },
        { svg: 'b', z: 1 },
        { svg: 'c', z: 5 },
        { svg: 'd', z: -2 },
      ]),
    ).toEqual(['d', 'b', 'a', 'c']);
  });

  it('starts from the template’s base and adds only the chosen options', () => {
    const layers = studioPicture(burgerTemplate, new Set(['o-bbq', 'o-brioche', 'o-mayo']));
    expect(layers).toEqual([
      burgerTemplate.base_layer_svg,
      '<svg xmlns="http://www.w3.org/2000/svg" id="o-brioche"/>', // z 10
      '<svg xmlns="http://www.w3.org/2000/svg" id="o-mayo"/>', // z 20
      '<svg xmlns="http://www.w3.org/2000/svg" id="o-bbq"/>', // z 30
    ]);
  });

  it('turns SVG markup into an image URL with nothing left unescaped', () => {
    const url = svgDataUrl('<svg onload="alert(1)"><text>#1 & "2"</text></svg>');
    expect(url.startsWith('data:image/svg+xml;utf8,')).toBe(true);
    expect(url.slice('data:image/svg+xml;utf8,'.length)).not.toMatch(/[<>"#&\s]/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml;utf8,'.length))).toBe(
      '<svg onload="alert(1)"><text>#1 & "2"</text></svg>',
    );
  });
});
