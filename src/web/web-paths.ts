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

const SWAGGER_PAGE = '/swagger-ui.html';
const UNJOURNALED_PREFIXES = [
  `${WEB_PATHS.admin}/organisations/`,
  `${WEB_PATHS.live}/`,
  `${WEB_PATHS.workbench}/`,
  `${WEB_PATHS.assets}/`,
  `${WEB_PATHS.specs}/`,
  `${WEB_PATHS.downloads}/`,
];

/**
 * Paths the journal leaves out: pages, their files and their polls are not traffic of the mocked service (and
 * the event stream never ends). What the pages cause (a token minted over /transaction) is journaled as usual.
 */
export function isUnjournaledWebPath(path: string): boolean {
  // Every such path is the home page, ends in swagger-ui.html, or is under /_mock: the API calls (nearly
  // every request) are told apart by these checks alone.
  if (path === WEB_PATHS.home) return true;
  if (path.endsWith(SWAGGER_PAGE)) return true;
  if (!path.startsWith(WEB_PATHS.controlIndex)) return false;
  return (
    path === WEB_PATHS.controlIndex ||
    path === WEB_PATHS.admin ||
    path === WEB_PATHS.live ||
    UNJOURNALED_PREFIXES.some((prefix) => path.startsWith(prefix))
  );
}
