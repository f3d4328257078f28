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
export { type AuthAppOptions, createAuthApp, TRANSACTION_BODY_LIMIT_BYTES } from './app.js';
export { AUTH_ERRORS, type AuthErrorReason, type AuthFailure, type GnapErrorBody } from './auth-errors.js';
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
export { type CertificateAuthority, createCertificateAuthority } from './certificate-authority.js';
export { certificateThumbprint, sameDigest, spkiPin } from './certificate-fingerprints.js';
export { readCertificateSubject } from './certificate-subject.js';
export { type ClientCertificate, issueClientCertificate } from './client-certificate.js';
export { type AuthControlAppOptions, createAuthControlApp } from './control-app.js';
export {
  CLIENT_FILES,
  type DevClient,
  type DevClientOptions,
  defaultEntityId,
  issueDevClient,
} from './dev-client.js';
export { type DevPki, type DevPkiPaths, devPkiPaths, ensureDevPki } from './dev-pki.js';
export {
  type FederationEntity,
  type FederationMetadata,
  FederationMetadataError,
  federationMetadataSchema,
  parseFederationMetadata,
} from './federation-metadata.js';
export { appendFederationEntity, FederationStore } from './federation-store.js';
export { TOKEN_AUDIENCE } from './issue-token.js';
export type { IssuedTokenRecord } from './issued-token-log.js';
export { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';
export type { PublicSigningJwk, SigningKeyStatus } from './signing-keys.js';
