// Drops from antd's prebuilt stylesheet (antd/dist/antd.css, about 1 MB) the rules of components this UI never
// renders, so that the first page load parses and matches less CSS. A rule goes only when every antd component class
// in its selector belongs to the list below; shared rules (tokens, motion, grid, @media, @keyframes) all stay.

import type { Plugin } from 'vite';

/** antd components the renderer does not use: their class prefix after `.ant-`, and the exports that render it. */
export const unusedAntdComponents: Record<string, string[]> = {
  affix: ['Affix'],
  anchor: ['Anchor'],
  'back-top': ['BackTop'],
  breadcrumb: ['Breadcrumb'],
  calendar: ['Calendar'],
  carousel: ['Carousel'],
  cascader: ['Cascader'],
  'color-picker': ['ColorPicker'],
  'float-btn': ['FloatButton'],
  image: ['Image'],
  mentions: ['Mentions'],
  picker: ['DatePicker', 'TimePicker'],
  qrcode: ['QRCode'],
  rate: ['Rate'],
  segmented: ['Segmented'],
  slider: ['Slider'],
  statistic: ['Statistic'],
  timeline: ['Timeline'],
  tour: ['Tour'],
  transfer: ['Transfer'],
  upload: ['Upload'],
  watermark: ['Watermark'],
};

const unusedPrefixes = Object.keys(unusedAntdComponents);
const componentClass = /\.ant-([a-z]+(?:-[a-z]+)*)/g;

function unusedComponent(className: string): boolean {
  return unusedPrefixes.some((name) => className === name || className.startsWith(`${name}-`));
}

/** The stylesheet without the top-level rules that style only unused components. */
export function withoutUnusedComponents(css: string): string {
  let kept = '';
  let depth = 0;
  let start = 0;
  for (let index = 0; index < css.length; index++) {
    const character = css[index];
    if (character === '{') depth++;
    else if (character === '}' && --depth === 0) {
      const rule = css.slice(start, index + 1);
      const selector = rule.slice(0, rule.indexOf('{'));
      const classes = [...selector.matchAll(componentClass)].map((match) => match[1]!);
      const drop = !selector.trimStart().startsWith('@') && classes.length > 0 && classes.every(unusedComponent);
      if (!drop) kept += rule;
      start = index + 1;
    }
  }
  return kept + css.slice(start);
}

/** The Vite plugin: applies the filter to antd's prebuilt stylesheet only. */
export function antdUnusedCss(): Plugin {
  return {
    name: 'rdspg-antd-unused-css',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!id.replace(/\\/g, '/').endsWith('antd/dist/antd.css')) return null;
      return { code: withoutUnusedComponents(code), map: null };
    },
  };
}
