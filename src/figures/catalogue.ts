/**
 * The figures drawn by code, by name. <CodeFigure figure="segnet" /> draws one; its words (what
 * it shows for screen readers, legend, caption, the labels inside it) come from the page's
 * message catalogue (src/i18n/<locale>/figures.ts), its layout and numbers from here.
 */
import { messages, type Locale } from '../i18n';
import type { FigureLayouts } from './drawing';
import { fcnFigure } from './fcn-figure';
import { segnetFigure } from './segnet-figure';

export interface FigureSpec {
  layouts: () => FigureLayouts;
  /** What the figure shows, for screen readers. */
  alt: string;
  /** What each colour means: [colour name in figures.css (--figure-NAME), words]. */
  legend: ReadonlyArray<readonly [string, string]>;
  caption: string;
}

/** Each figure's layout, given the words drawn inside it. */
const LAYOUTS = {
  segnet: (locale: Locale) => segnetFigure(messages(locale).figures.segnet.labels),
  fcn: (locale: Locale) => fcnFigure(messages(locale).figures.fcn.labels),
} as const;

export type FigureName = keyof typeof LAYOUTS;

/** A figure in a language: its layouts and words. */
export function figureSpec(name: FigureName, locale: Locale): FigureSpec {
  const { alt, legend, caption } = messages(locale).figures[name];
  return { layouts: () => LAYOUTS[name](locale), alt, legend, caption };
}
