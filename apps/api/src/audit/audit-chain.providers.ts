import { Provider, Type } from '@nestjs/common';
import { AuditChainController } from './audit-chain.controller';
import { VerifyAuditChainHandler } from './audit-chain.query';

/** Verification of the hash chains: controllers and providers the api module registers. */
export const AUDIT_CHAIN_CONTROLLERS: Type[] = [AuditChainController];
export const AUDIT_CHAIN_PROVIDERS: Provider[] = [VerifyAuditChainHandler];
