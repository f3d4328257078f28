// Where each page, asset and page-facing JSON route of the web capability lives.

export const WEB_PATHS = {
  home: '/',
  /** The control plane's index: JSON, or a page when a browser asks. */
  controlIndex: '/_mock',
  admin: '/_mock/admin',
  live: '/_mock/live',
  liveEvents: '/_mock/live/events',
  workbench: '/_mock/workbench',
  assets: '/_mock/web/assets',
  specs: '/_mock/specs',
  provisioningDocs: '/provtjanst/provisioning/v1/swagger-ui.html',
  openDataDocs: '/provtjanst/open-data/v1/swagger-ui.html',
  ss12000Docs: '/_mock/docs/ss12000/swagger-ui.html',
  downloads: '/_mock/downloads',
} as const;

/**
 * Paths the journal leaves out: pages, their files and their polls are not traffic of the mocked service (and
 * the event stream never ends). What the pages cause (a token minted over /transaction) is journaled as usual.
 */
export function isUnjournaledWebPath(path: string): boolean {
  return (
    path === WEB_PATHS.home ||
    path === WEB_PATHS.controlIndex ||
    path === WEB_PATHS.admin ||
    path.startsWith(`${WEB_PATHS.admin}/organisations/`) ||
    path === WEB_PATHS.live ||
    path.startsWith(`${WEB_PATHS.live}/`) ||
    path.startsWith(`${WEB_PATHS.workbench}/`) ||
    path.startsWith(`${WEB_PATHS.assets}/`) ||
    path.startsWith(`${WEB_PATHS.specs}/`) ||
    path.startsWith(`${WEB_PATHS.downloads}/`) ||
    path.endsWith('/swagger-ui.html')
  );
}
