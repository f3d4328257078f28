// The control plane's table of contents: every `/_mock` route with what it does, as data.

export interface ControlRoute {
  methods: string[];
  path: string;
  what: string;
}

export interface ControlGroup {
  name: string;
  routes: ControlRoute[];
}

export const CONTROL_INDEX: readonly ControlGroup[] = [
  {
    name: 'Mock',
    routes: [
      { methods: ['GET'], path: '/_mock/info', what: 'name, URLs and clock of this mock' },
      { methods: ['GET'], path: '/_mock', what: 'this index (JSON, or a page for a browser)' },
    ],
  },
  {
    name: 'Journal',
    routes: [
      {
        methods: ['GET'],
        path: '/_mock/journal',
        what: 'recorded exchanges, filtered (direction, component, path, afterSeq, limit…)',
      },
      { methods: ['GET'], path: '/_mock/journal.har', what: 'the same as HAR 1.2' },
      { methods: ['DELETE'], path: '/_mock/journal', what: 'forget every entry' },
    ],
  },
  {
    name: 'Authorization server',
    routes: [
      {
        methods: ['GET', 'PUT', 'POST', 'DELETE'],
        path: '/_mock/auth/faults',
        what: 'token faults: fail, delay, expired, notYetValid, unknownKid',
      },
      { methods: ['GET'], path: '/_mock/auth/keys', what: 'signing keys and their state' },
      { methods: ['POST'], path: '/_mock/auth/rotate', what: 'rotate the signing key' },
      {
        methods: ['GET', 'DELETE'],
        path: '/_mock/auth/tokens',
        what: 'tokens issued (fingerprints and claims)',
      },
    ],
  },
  {
    name: 'Provisioning API',
    routes: [
      {
        methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
        path: '/_mock/provisioning/faults',
        what: '503 window, TemporaryError rate, slow jobs, dropped connections',
      },
      {
        methods: ['GET', 'PATCH'],
        path: '/_mock/provisioning/config',
        what: 'limits and delays at run time',
      },
      {
        methods: ['GET'],
        path: '/_mock/provisioning/organisations',
        what: 'organisations with data, counts and jobs',
      },
      {
        methods: ['GET'],
        path: '/_mock/provisioning/organisations/{org}/snapshot',
        what: 'every stored object of one organisation',
      },
      {
        methods: ['GET'],
        path: '/_mock/provisioning/organisations/{org}/jobs',
        what: 'the organisation’s bulk jobs',
      },
      {
        methods: ['DELETE'],
        path: '/_mock/provisioning/organisations/{org}',
        what: 'forget one organisation',
      },
      { methods: ['DELETE'], path: '/_mock/provisioning/data', what: 'forget every organisation' },
    ],
  },
  {
    name: 'Administration provtjänsten',
    routes: [
      { methods: ['GET'], path: '/_mock/admin', what: 'the e-service page (pick the huvudman)' },
      {
        methods: ['GET', 'PUT', 'PATCH'],
        path: '/_mock/admin/organisations/{org}/settings',
        what: 'notice e-mails, technical contact, pseudonymisation attestation',
      },
      {
        methods: ['GET'],
        path: '/_mock/admin/organisations/{org}/transfers',
        what: 'what was transferred, per resource, with Errors and Warnings',
      },
      {
        methods: ['GET'],
        path: '/_mock/admin/organisations/{org}/notices',
        what: 'persons whose civic number is not in the population register',
      },
      {
        methods: ['GET'],
        path: '/_mock/admin/organisations/{org}/pseudonymisation',
        what: 'how protected persons reach the test platform',
      },
      {
        methods: ['GET', 'POST'],
        path: '/_mock/admin/organisations/{org}/federation',
        what: 'Skolfederation: client certificates and their metadata',
      },
      {
        methods: ['POST', 'GET'],
        path: '/_mock/admin/ss12000-apis',
        what: 'register SS 12000 API URLs (subscribe and sync)',
      },
      {
        methods: ['GET', 'DELETE'],
        path: '/_mock/admin/ss12000-apis/{urlId}',
        what: 'one registration; DELETE ends its subscription',
      },
      { methods: ['POST'], path: '/_mock/admin/ss12000-apis/{urlId}/sync', what: 'start a full sync' },
      {
        methods: ['GET'],
        path: '/_mock/ss12000/{urlId}',
        what: 'the mirror of one registration, its jobs and resources',
      },
    ],
  },
  {
    name: 'Pages and tools',
    routes: [
      { methods: ['GET'], path: '/', what: 'home page: components, downloads, token workbench' },
      { methods: ['GET'], path: '/_mock/live', what: 'live view for trainers (sequence diagram over SSE)' },
      {
        methods: ['GET'],
        path: '/_mock/live/events',
        what: 'the live view’s event stream (text/event-stream)',
      },
      {
        methods: ['POST'],
        path: '/_mock/live/reset',
        what: 'clear journal, provisioning data, jobs and faults',
      },
      {
        methods: ['POST'],
        path: '/_mock/workbench/tokens',
        what: 'mint a token over /transaction with a dev certificate',
      },
      {
        methods: ['POST'],
        path: '/_mock/workbench/checks',
        what: 'decode and verify a token, check by check',
      },
      { methods: ['GET'], path: '/_mock/downloads/ca.pem', what: 'the dev CA certificate' },
      {
        methods: ['GET'],
        path: '/_mock/downloads/client?organisationNumber=…&file=…',
        what: 'an organisation’s dev client certificate, key or CA',
      },
      {
        methods: ['GET'],
        path: '/_mock/specs/{name}.yaml',
        what: 'the official contracts as shipped (provisioning-api, open-data-api, ss12000-subset)',
      },
      {
        methods: ['GET'],
        path: '/_mock/docs/ss12000/swagger-ui.html',
        what: 'Swagger UI of the SS 12000 subset',
      },
    ],
  },
];
