import type { RgbaImage } from '../../core/qr/qr-decode.ts';
import type { ScanRegion } from '../../core/qr/scan-region.ts';

/**
 * One reusable 2D canvas that crops and scales a picture into RGBA pixels; OffscreenCanvas where
 * it exists (in a worker too), since it never touches the DOM.
 */
export class Surface {
  private context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | undefined;

  grab(source: CanvasImageSource, region: ScanRegion): RgbaImage {
    const context = this.contextOf(region.width, region.height);
    context.drawImage(source, region.sx, region.sy, region.sw, region.sh, 0, 0, region.width, region.height);
    return context.getImageData(0, 0, region.width, region.height);
  }

  private contextOf(width: number, height: number): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
    if (!this.context) {
      const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      // willReadFrequently keeps the canvas in memory: a GPU canvas would read back every frame.
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('2D canvas unavailable');
      this.context = context as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
    }
    const { canvas } = this.context;
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    return this.context;
  }
}
