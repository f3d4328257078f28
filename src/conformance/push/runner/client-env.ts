// The environment contract with the vendor's command (documented in docs/conformance.md).
import type { RunningMock } from '../../../server.js';

export interface ClientEnvInput {
  mock: Pick<RunningMock, 'httpsPort'>;
  /** The mock's control token, when its control plane is guarded. */
  controlToken?: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  dataDir: string;
  scenarioId: string;
  payloadLimit: number;
}

/** The PROVTJANST_* variables every client run gets, on top of the runner's own environment. */
export function clientEnv(input: ClientEnvInput, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const root = `https://localhost:${input.mock.httpsPort}`;
  return {
    ...base,
    PROVTJANST_AUTH_URL: root,
    PROVTJANST_PROVISIONING_URL: `${root}/provtjanst/provisioning/v1`,
    PROVTJANST_OPEN_DATA_URL: `${root}/provtjanst/open-data/v1`,
    PROVTJANST_CLIENT_CERT: input.certFile,
    PROVTJANST_CLIENT_KEY: input.keyFile,
    PROVTJANST_CA_CERT: input.caFile,
    PROVTJANST_DATA_DIR: input.dataDir,
    PROVTJANST_SCENARIO: input.scenarioId,
    ...(input.controlToken ? { PROVTJANST_CONTROL_TOKEN: input.controlToken } : {}),
    ...(input.payloadLimit > 0 ? { PROVTJANST_PAYLOAD_LIMIT: String(input.payloadLimit) } : {}),
  };
}
