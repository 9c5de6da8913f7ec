import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { isDarkOfficeTheme, luminance, paneTheme } from '../../src/taskpane/theme';

describe('pane theme', () => {
  it('follows Office: dark grey and black bodies are dark, white and colourful are light', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#000000' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'not a colour' })).toBe(false);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });

  it('maps to Fluent web themes', () => {
    expect(paneTheme(true)).toBe(webDarkTheme);
    expect(paneTheme(false)).toBe(webLightTheme);
  });
});
