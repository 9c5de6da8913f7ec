/**
 * Light or dark: the pane follows Office's theme inside Excel and the system's
 * colour scheme in a plain browser.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of `Office.context.officeTheme` the pane reads. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance (0 black to 1 white) of "#RRGGBB"; undefined for anything else. */
export function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const c = parseInt(part ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Whether Office's body background is dark (Dark Grey and Black themes). */
export function isDarkOfficeTheme(theme: OfficeThemeColours | undefined): boolean {
  const value =
    theme?.bodyBackgroundColor === undefined ? undefined : luminance(theme.bodyBackgroundColor);
  return value !== undefined && value < 0.2;
}

/** The system's preference, for the plain-browser page. */
export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function paneTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
