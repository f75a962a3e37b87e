import { Provider, Type } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { ExportAuditLogHandler, GetAuditLogHandler } from './audit-log.queries';

/** The audit log and its exports: controllers and providers the api module registers. */
export const AUDIT_LOG_CONTROLLERS: Type[] = [AuditLogController];
export const AUDIT_LOG_PROVIDERS: Provider[] = [GetAuditLogHandler, ExportAuditLogHandler];
