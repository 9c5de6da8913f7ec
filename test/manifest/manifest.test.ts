/**
 * manifest.xml: valid against Microsoft's schema (offline, xmllint), and the checks the
 * schema cannot make: resource ids resolve, the shared runtime uses one resid where
 * Excel requires it, URLs are the development address, icons exist at their sizes.
 * test/manifest/build.test.ts checks the URLs against what the production build emits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_SIZES, decodePng, iconPixels } from '../support/icons';
import { DEV_BASE_URL, Manifest, REPO, sourceResid, validateWithSchema } from '../support/manifest';

const manifest = new Manifest(readFileSync(join(REPO, 'manifest.xml'), 'utf8'));
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

describe('manifest.xml against the schema', () => {
  it('validates against OfficeAppManifestV1_1.xsd with xmllint', () => {
    const { status, output } = validateWithSchema('manifest.xml');
    expect(output).toContain('manifest.xml validates');
    expect(status).toBe(0);
  });

  it('fails validation when the manifest breaks the schema (the check can fail)', () => {
    const { status } = validateWithSchema('test/manifest/fixtures/invalid-manifest.xml');
    expect(status).not.toBe(0);
  });
});

describe('what the add-in declares', () => {
  it('is a task pane add-in for Excel workbooks with read/write access, en-GB by default', () => {
    expect(manifest.doc.documentElement.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(
      manifest.all('Host').map((h) => h.getAttribute('Name') ?? h.getAttributeNS(XSI, 'type')),
    ).toEqual(['Workbook', 'Workbook']);
    expect(manifest.text('Permissions')).toBe('ReadWriteDocument');
    expect(manifest.text('DefaultLocale')).toBe('en-GB');
  });

  it('names a real provider, not a placeholder', () => {
    expect(manifest.text('ProviderName')).toBe('BCF Finance maintainers');
  });

  it('has a support URL and a GUID id', () => {
    expect(manifest.defaultValue('SupportUrl')).toMatch(/^https:\/\/.+/);
    expect(manifest.text('Id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('requires the shared runtime', () => {
    const sets = manifest
      .all('Set')
      .map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toContain('SharedRuntime 1.1');
  });

  it('registers the custom functions under the BCF namespace, with script and metadata URLs', () => {
    const point = manifest.extensionPoint('CustomFunctions');
    expect(point).toBeDefined();
    const urls = manifest.resources('Urls');
    const namespace =
      point?.getElementsByTagNameNS('*', 'Namespace')[0]?.getAttribute('resid') ?? '';
    expect(manifest.resources('ShortStrings').get(namespace)).toBe('BCF');
    expect(urls.get(sourceResid(point, 'Script') ?? '')).toBe(`${DEV_BASE_URL}functions.js`);
    expect(urls.get(sourceResid(point, 'Metadata') ?? '')).toBe(`${DEV_BASE_URL}functions.json`);
  });

  it('puts a button on the ribbon that opens the task pane', () => {
    const ribbon = manifest.extensionPoint('PrimaryCommandSurface');
    const button = Array.from(ribbon?.getElementsByTagNameNS('*', 'Control') ?? []).find(
      (c) => c.getAttributeNS(XSI, 'type') === 'Button',
    );
    const action = button?.getElementsByTagNameNS('*', 'Action')[0];
    expect(action?.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
    expect(manifest.resources('Urls').get(sourceResid(button, 'Action') ?? '')).toBe(
      `${DEV_BASE_URL}taskpane.html`,
    );
  });
});

describe('resource ids', () => {
  const kinds = ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const;
  const ids = kinds.flatMap((kind) => [...manifest.resources(kind).keys()]);

  it('are unique and at most 32 characters', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
  });

  it('every resid refers to a resource of the right kind', () => {
    const kindOf = (element: Element): (typeof kinds)[number] => {
      const name = element.localName;
      if (name === 'Image') return 'Images';
      if (['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'].includes(name))
        return 'Urls';
      if (name === 'Description') return 'LongStrings';
      return 'ShortStrings';
    };
    const unresolved = manifest
      .residRefs()
      .map((e) => ({ element: e.localName, resid: e.getAttribute('resid') ?? '', kind: kindOf(e) }))
      .filter(({ resid, kind }) => !manifest.resources(kind).has(resid));
    expect(unresolved).toEqual([]);
    expect(manifest.residRefs().length).toBeGreaterThan(15);
  });

  it('every resource is used', () => {
    const used = new Set(manifest.residRefs().map((e) => e.getAttribute('resid')));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('shared runtime', () => {
  const runtime = manifest.all('Runtime')[0];
  const resid = runtime?.getAttribute('resid') ?? '';

  it('is one long-lived runtime on the task pane page', () => {
    expect(manifest.all('Runtime')).toHaveLength(1);
    expect(runtime?.getAttribute('lifetime')).toBe('long');
    expect(manifest.resources('Urls').get(resid)).toBe(manifest.defaultValue('SourceLocation'));
    expect(manifest.defaultValue('SourceLocation')).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  it('uses the same resid for the runtime, the functions page, the function file and the task pane', () => {
    const functionsPage = sourceResid(manifest.extensionPoint('CustomFunctions'), 'Page');
    const functionFile = manifest.all('FunctionFile')[0]?.getAttribute('resid');
    const taskpane = manifest
      .all('Action')
      .map((a) => a.getElementsByTagNameNS('*', 'SourceLocation')[0]?.getAttribute('resid'));
    expect([functionsPage, functionFile, ...taskpane]).toEqual(
      Array.from({ length: 2 + taskpane.length }, () => resid),
    );
  });
});

describe('URLs', () => {
  it("are all https, and the add-in's own files are all at the development address", () => {
    const urls = manifest.urls();
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(urls.filter((u) => !u.startsWith(DEV_BASE_URL))).toEqual([]);
  });
});

describe('icons', () => {
  const images = manifest.resources('Images');

  it.each(ICON_SIZES)('assets/icon-%i.png is a real PNG of that size, as generated', (size) => {
    const file = join(REPO, 'assets', `icon-${size}.png`);
    expect(existsSync(file)).toBe(true);
    const png = decodePng(readFileSync(file));
    expect(png).toMatchObject({
      width: size,
      height: size,
      bitDepth: 8,
      colourType: 6,
      crcOk: true,
    });
    expect(png.pixels.equals(iconPixels(size))).toBe(true);
  });

  it('each ribbon image names the size of the file it points to', () => {
    for (const ref of manifest.all('Image').filter((e) => e.hasAttribute('size'))) {
      const url = images.get(ref.getAttribute('resid') ?? '') ?? '';
      const file = join(REPO, url.replace(DEV_BASE_URL, ''));
      expect(decodePng(readFileSync(file)).width).toBe(Number(ref.getAttribute('size')));
    }
  });

  it('every image resource and the add-in icons point at an icon file of the size in its name', () => {
    const urls = [
      ...images.entries(),
      ['IconUrl 32', manifest.defaultValue('IconUrl') ?? ''],
      ['HighResolutionIconUrl 64', manifest.defaultValue('HighResolutionIconUrl') ?? ''],
    ] as const;
    for (const [id, url] of urls) {
      const size = Number(/(\d+)/.exec(id)?.[1]);
      expect(url).toBe(`${DEV_BASE_URL}assets/icon-${size}.png`);
      expect(decodePng(readFileSync(join(REPO, 'assets', `icon-${size}.png`))).width).toBe(size);
    }
  });
});
