import type { IControl } from 'maplibre-gl';
import type { BasemapLang } from '../basemap-style';

const TEXT: Record<BasemapLang, { sharp: string; title: string }> = {
  'zh-CN': {
    sharp: '清晰',
    title: '此电脑以软件绘制地图（无显卡加速），默认以较低分辨率绘制以保持流畅。按下「清晰」以全分辨率绘制（文字更清楚，操作较卡），再按一次恢复流畅。',
  },
  en: {
    sharp: 'Sharp',
    title: 'This computer draws the map in software (no GPU acceleration), so by default it is drawn at a lower resolution to stay smooth. Press "Sharp" for full resolution (crisper text, slower); press again for the smooth map.',
  },
};

/**
 * A toggle button on the map, shown only where the map is drawn by software WebGL: pressed, the
 * map is drawn at full resolution (sharp); released, with fewer pixels (smooth, the default there;
 * see SOFTWARE_GL_PIXEL_SCALE).
 */
export class SharpnessControl implements IControl {
  private container: HTMLDivElement | null = null;
  private button: HTMLButtonElement | null = null;
  private lang: BasemapLang;

  constructor(
    private sharp: boolean,
    lang: BasemapLang,
    private readonly onChange: (sharp: boolean) => void,
  ) {
    this.lang = lang;
  }

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group map-sharpness';
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'map-sharpness';
    button.addEventListener('click', () => {
      this.sharp = !this.sharp;
      this.render();
      this.onChange(this.sharp);
    });
    container.appendChild(button);
    this.container = container;
    this.button = button;
    this.render();
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
    this.button = null;
  }

  setLang(lang: BasemapLang): void {
    this.lang = lang;
    this.render();
  }

  private render(): void {
    if (!this.button) return;
    const t = TEXT[this.lang] ?? TEXT['zh-CN'];
    this.button.textContent = t.sharp;
    this.button.title = t.title;
    this.button.setAttribute('aria-pressed', String(this.sharp));
  }
}
