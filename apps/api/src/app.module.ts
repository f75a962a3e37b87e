import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { StorageModule, StorageOptions } from '@kreislauf/storage';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './access/access.guard';
import { ResourceDirectory } from './access/resource-directory';
import { TokenVerifier } from './access/token-verifier';
import { MetricsController } from './health/metrics.controller';
import { GetGoalHandler, GetGoalHistoryHandler } from './goals/goal.queries';
import { GoalsController } from './goals/goals.controller';
import { GoalWrites } from './goals/goal.writes';
import { HealthController } from './health/health.controller';
import { ProjectionLagMetric } from './health/projection-lag.metric';
import { CreatedLocationInterceptor } from './http/created-location';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { PageInterceptor } from './http/pagination';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { JsonBodyGuard } from './http/request-shape';
import { requestLogging } from './http/request-logging';
import { ReadYourWrites } from './http/read-your-writes';
import { CyclesController } from './networks/cycles.controller';
import { NetworkRolesController } from './networks/network-roles.controller';
import { GetCycleOverviewHandler } from './networks/cycle-overview.query';
import { GetCycleBoardHandler, GetNetworkHandler, GetNetworkRolesHandler, GetReviewsDueHandler } from './networks/network.queries';
import { DecisionViews } from './decisions/decision-views';
import { LeitbildController } from './leitbild/leitbild.controller';
import { GetLeitbildHandler } from './leitbild/leitbild.queries';
import { NetworksController } from './networks/networks.controller';
import { NetworkWrites } from './networks/network.writes';
import { MeController } from './me/me.controller';
import { OFFER_CONTROLLERS, OFFER_PROVIDERS } from './offers/offers.providers';
import { PEOPLE_CONTROLLERS, PEOPLE_PROVIDERS } from './people/people.providers';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from './reports/reports.providers';
import { STRUCTURE_CONTROLLERS, STRUCTURE_PROVIDERS } from './structure/structure.providers';
import { ASSESSMENT_CONTROLLERS, ASSESSMENT_PROVIDERS } from './assessments/assessments.providers';
import { AUDIT_CHAIN_CONTROLLERS, AUDIT_CHAIN_PROVIDERS } from './audit/audit-chain.providers';
import { AUDIT_LOG_CONTROLLERS, AUDIT_LOG_PROVIDERS } from './audit/audit-log.providers';
import { TIME_TRAVEL_CONTROLLERS, TIME_TRAVEL_PROVIDERS } from './time-travel/time-travel.providers';
import { EventSourcedExecutor } from './write/event-sourced-executor';
import { MultiStreamCompletion } from './write/multi-stream-completion';
import { WriteTransactions } from './write/write-transactions';
import { ReadModelFacts } from './write/read-model-facts';

const queryHandlers = [GetNetworkHandler, GetCycleBoardHandler, GetReviewsDueHandler, GetNetworkRolesHandler, GetGoalHandler, GetGoalHistoryHandler, GetLeitbildHandler, GetCycleOverviewHandler];

@Module({})
export class AppModule {
  static forRoot(storage: StorageOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: requestLogging(storage.config.LOG_LEVEL),
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        StorageModule.forRoot(storage),
        CqrsModule.forRoot(),
        TerminusModule,
        PrometheusModule.register({ path: '/metrics', controller: MetricsController }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: storage.config.RATE_LIMIT_PER_MINUTE }],
          errorMessage: `More than ${storage.config.RATE_LIMIT_PER_MINUTE} requests a minute; retry after the time in Retry-After`,
        }),
      ],
      controllers: [MeController, NetworksController, NetworkRolesController, CyclesController, LeitbildController, GoalsController, ...STRUCTURE_CONTROLLERS, ...OFFER_CONTROLLERS, ...ASSESSMENT_CONTROLLERS, ...AUDIT_LOG_CONTROLLERS, ...AUDIT_CHAIN_CONTROLLERS, ...TIME_TRAVEL_CONTROLLERS, ...PEOPLE_CONTROLLERS, ...REPORT_CONTROLLERS, HealthController],
      providers: [
        NetworkWrites,
        GoalWrites,
        ...queryHandlers,
        WriteTransactions,
        MultiStreamCompletion,
        EventSourcedExecutor,
        ReadYourWrites,
        ProjectionLagMetric,
        TokenVerifier,
        ResourceDirectory,
        ReadModelFacts,
        DecisionViews,
        ...PEOPLE_PROVIDERS,
        ...REPORT_PROVIDERS,
        ...STRUCTURE_PROVIDERS,
        ...OFFER_PROVIDERS,
        ...ASSESSMENT_PROVIDERS,
        ...AUDIT_LOG_PROVIDERS,
        ...AUDIT_CHAIN_PROVIDERS,
        ...TIME_TRAVEL_PROVIDERS,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: CreatedLocationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: PageInterceptor },
      ],
    };
  }
}
