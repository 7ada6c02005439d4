// Drops from antd's prebuilt stylesheet (antd/dist/antd.css, about 1 MB) the rules of components this UI never
// renders, so that the first page load parses and matches less CSS. A rule goes only when every antd component class
// in its selector belongs to the list below; shared rules (tokens, motion, grid, @media, @keyframes) all stay. The
// CSS variables that antd's build declared under the class React's useId gave it then (`.css-var-_R_0_`) go too:
// React 19.2 and later spell those ids `_r_0_`, so they match no element, and antd declares the variables at run time.
// What is left is cut in two: the first screen's components with the shared rules (loaded with the page), and the
// other components' rules (loaded once the Servers tree is on screen, and before any view that needs them).

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

/** The top-level blocks of a stylesheet (rules and at-rules, each with its body), then whatever follows the last. */
function topLevelBlocks(css: string): { blocks: string[]; rest: string } {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < css.length; index++) {
    const character = css[index];
    if (character === '{') depth++;
    else if (character === '}' && --depth === 0) {
      blocks.push(css.slice(start, index + 1));
      start = index + 1;
    }
  }
  return { blocks, rest: css.slice(start) };
}

/** The class under which antd's prebuilt stylesheet declares its CSS variables: an id of React's useId at build time. */
const prebuiltVariablesClass = /\.css-var-_R_/;

/** The stylesheet without the top-level rules that style only unused components, nor the prebuilt variables. */
export function withoutUnusedComponents(css: string): string {
  const { blocks, rest } = topLevelBlocks(css);
  const kept = blocks.filter((rule) => {
    const selector = rule.slice(0, rule.indexOf('{'));
    if (prebuiltVariablesClass.test(selector)) return false;
    const classes = [...selector.matchAll(componentClass)].map((match) => match[1]!);
    return selector.trimStart().startsWith('@') || classes.length === 0 || !classes.every(unusedComponent);
  });
  return kept.join('') + rest;
}

/**
 * The antd components of the first screen (the Servers tree and its menus): their class prefix after `.ant-`, and the
 * exports that render it, plus motion classes. Their rules load with the page; every other component's rules load
 * once the tree is shown (renderer/later-styles.ts). test/unit/build checks the first screen imports no other.
 */
export const firstScreenAntdComponents: Record<string, string[]> = {
  alert: ['Alert'],
  app: [], // renderer/app-frame.tsx draws App's wrapper; App itself loads later (renderer/styled-app.ts)
  btn: ['Button'],
  dropdown: ['Dropdown'],
  empty: ['Empty'],
  input: ['Input'],
  layout: ['Layout'],
  space: ['Space'],
  spin: ['Spin'],
  splitter: [], // renderer/split-pane.tsx draws antd's Splitter classes
  tag: ['Tag'],
  tree: [], // renderer/servers/virtual-tree.tsx draws antd's Tree classes
  typography: [], // the title (main-window.tsx) and a failure's details (failure-detail.tsx) draw its classes
  wave: [],
  slide: [],
  zoom: [],
  move: [],
  fade: [],
  motion: [],
};

const firstScreenPrefixes = new Set(Object.keys(firstScreenAntdComponents));

/** The stylesheet in two parts: the first screen's rules with every shared one, and the rules of the other components. */
export function splitForFirstScreen(css: string): { firstScreen: string; later: string } {
  const { blocks, rest } = topLevelBlocks(css);
  const onFirstScreen = (block: string) =>
    [...block.matchAll(/\.ant-([a-z]+)/g)].every((match) => firstScreenPrefixes.has(match[1]!));
  return {
    firstScreen: blocks.filter(onFirstScreen).join('') + rest,
    later: blocks.filter((block) => !onFirstScreen(block)).join(''),
  };
}

/**
 * The Vite plugin: drops unused components from antd's prebuilt stylesheet; `antd.css?first-screen` and
 * `antd.css?later` are its two parts.
 */
export function antdUnusedCss(): Plugin {
  return {
    name: 'rdspg-antd-unused-css',
    enforce: 'pre',
    transform(code: string, id: string) {
      const [path, query] = id.replace(/\\/g, '/').split('?');
      if (!path!.endsWith('antd/dist/antd.css')) return null;
      const kept = withoutUnusedComponents(code);
      if (query === 'first-screen') return { code: splitForFirstScreen(kept).firstScreen, map: null };
      if (query === 'later') return { code: splitForFirstScreen(kept).later, map: null };
      return { code: kept, map: null };
    },
  };
}
