import { svgDataUrl } from '../utils/picture';

/**
 * The layers of a design painted in order, each an <img> filling the same square. The
 * drawings are decorative on their own; the box as a whole is the image and carries the name.
 */
export function DesignPicture({ layers, label }: { layers: readonly string[]; label: string }) {
  return (
    <div className="design-picture" role="img" aria-label={label} data-testid="design-picture">
      {layers.map((svg, index) => (
        <img
          // The position in the stack is a layer's identity (the same drawing may repeat).
          key={index}
          src={svgDataUrl(svg)}
          alt=""
          draggable={false}
          style={{ zIndex: index }}
        />
      ))}
    </div>
  );
}
