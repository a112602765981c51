/** The brand's SVG layers, previewed the way the studio draws them. */

/**
 * An SVG document as an image URL. Drawn by an <img>, the SVG cannot run scripts or reach the
 * page, so the markup the brand types is never put into the DOM.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** One <svg> element, start to end: what the server accepts, and what is worth previewing. */
export function looksLikeSvg(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('<svg') && trimmed.endsWith('</svg>');
}

/** Browsers draw an SVG image only when it declares the SVG namespace. */
export function lacksSvgNamespace(text: string): boolean {
  return looksLikeSvg(text) && !text.includes('http://www.w3.org/2000/svg');
}
