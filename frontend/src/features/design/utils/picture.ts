/** The design's picture: the template's base drawing with each chosen option's layer on top. */
import type { Template } from '@/types/studio';

export interface Layer {
  svg: string;
  z: number;
}

/**
 * Layers in painting order, lowest `z` first. The sort is stable, so options on the same level
 * keep the order they were given in (the template's order).
 */
export function stackLayers(layers: readonly Layer[]): string[] {
  return layers
    .map((layer, index) => ({ layer, index }))
    .sort((a, b) => a.layer.z - b.layer.z || a.index - b.index)
    .map(({ layer }) => layer.svg);
}

/** The studio's picture: the base, then the chosen options by `layer_z`. */
export function studioPicture(template: Template, chosen: ReadonlySet<string>): string[] {
  const layers = template.groups.flatMap((group) =>
    group.options
      .filter((option) => chosen.has(option.id))
      .map((option) => ({ svg: option.layer_svg, z: option.layer_z })),
  );
  return [template.base_layer_svg, ...stackLayers(layers)];
}

/**
 * An SVG document as an image URL. As an <img> the SVG cannot run scripts or reach the page,
 * which is why the markup the brand uploaded is never put into the DOM.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
