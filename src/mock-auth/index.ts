// Public surface of the auth capability: GNAP /transaction over mTLS, signing keys, JWKS, token verification.
export {
  ACCESS_TYPES,
  type AccessGrant,
  type AccessTokenClaims,
  type AccessType,
  AUTH_SOURCE_CLAIM,
  type AuthSource,
  type IssuedToken,
  type IssueTokenRequest,
  TOKEN_FAULTS,
  type TokenErrorCode,
  type TokenFault,
  type VerifyExpectation,
  type VerifyResult,
} from './access-token.js';
export {
  type AuthAppOptions,
  createAuthApp,
  discoveryDocument,
  TRANSACTION_BODY_LIMIT_BYTES,
} from './app.js';
export {
  AUTH_ERRORS,
  type AuthErrorReason,
  type AuthFailure,
  type GnapErrorBody,
  PERMISSION_DENIED,
} from './auth-errors.js';
export {
  type AuthFaultControl,
  type AuthFaultState,
  type AuthFaultsInput,
  authFaultsInputSchema,
} from './auth-faults.js';
export {
  type AuthService,
  type AuthServiceOptions,
  type AuthTlsMaterial,
  createAuthService,
  defaultIssuer,
} from './auth-service.js';
export {
  CA_PROFILE_SPECS,
  CA_PROFILES,
  type CaProfile,
  DEFAULT_CA_PROFILE,
  readOrganisationId,
} from './ca-profiles.js';
export { type CertificateAuthority, createCertificateAuthority } from './certificate-authority.js';
export {
  certificateThumbprint,
  certificateThumbprintBase64url,
  spkiPin,
  thumbprintMatches,
} from './certificate-fingerprints.js';
export { addToCrl, createCrl, readCrlEntries } from './certificate-revocation.js';
export { readCertificateSubject } from './certificate-subject.js';
export { type ClientCertificate, issueClientCertificate } from './client-certificate.js';
export { type ClientFiles, clientFilesOf, ensureClientFiles } from './client-files.js';
export { type AuthControlAppOptions, createAuthControlApp } from './control-app.js';
export {
  CLIENT_FILES,
  type DevClient,
  type DevClientOptions,
  defaultEntityId,
  issueDevClient,
} from './dev-client.js';
export {
  type DevPki,
  type DevPkiPaths,
  devPkiPaths,
  ensureDevPki,
  ensureIssuingCa,
  issuingCaPaths,
} from './dev-pki.js';
export {
  type FederationEntity,
  type FederationMetadata,
  FederationMetadataError,
  federationMetadataSchema,
  parseFederationMetadata,
} from './federation-metadata.js';
export { DEV_METADATA_KID, ensureFederationKey, signFederationMetadata } from './federation-signing.js';
export {
  appendFederationEntity,
  DEV_FEDERATION_ISSUER,
  DEV_FEDERATION_VALID_SECONDS,
  FederationStore,
} from './federation-store.js';
export { TOKEN_AUDIENCE } from './issue-token.js';
export type { IssuedTokenRecord } from './issued-token-log.js';
export { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';
export {
  certificateTokenRequestBody,
  type RequestTokenOptions,
  requestTokenOverMtls,
  type TokenRequestAnswer,
  type TokenRequestCredentials,
} from './request-token.js';
export { AUTH_FLOW_NAMES, AUTH_SETTINGS, type AuthFlowName, type AuthSettings } from './settings.js';
export type { PublicSigningJwk, SigningKeyStatus } from './signing-keys.js';
