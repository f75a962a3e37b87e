import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { UuidParam, withETag } from '../http/params';
import { ProblemException } from '../http/problem';
import { ReadQueryDto, ReadPageQueryDto } from '../http/query-params.dto';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestContext } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { PublishFrameworkVersionDto } from './assessment.dto';
import { GetFrameworkVersion, ListFrameworks } from './assessment.queries';
import { FrameworkWrites } from './assessment.writes';
import { ApiPage } from '../http/openapi/api-page';
import { FrameworkSummaryResponse, FrameworkVersionResponse } from './assessment.response';
import { CreatedAt } from '../http/created-location';
import { Paged } from '../http/pagination';

const VersionParam = () =>
  Param(
    'version',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ProblemException(HttpStatus.BAD_REQUEST, 'validation.failed', 'Invalid request', 'version must be a whole number', {
          errors: [{ field: 'version', messages: ['version must be a whole number'] }],
        }),
    }),
  );

/** The quality frameworks (reference data): shipped versions merged with those an administrator published. */
@ApiTags('self-assessment')
@ApiBearerAuth()
@Controller('frameworks')
export class FrameworksController {
  constructor(
    private readonly frameworkWrites: FrameworkWrites,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Paged((framework: { frameworkId: string }) => framework.frameworkId)
  @Access('framework.read')
  @ApiOperation({ summary: 'The quality frameworks with their versions and dimensions (NZFH Qualitätsrahmen, kinderstark quality goals)' })
  @ApiPage(FrameworkSummaryResponse)
  async frameworks(@Query() query: ReadPageQueryDto) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new ListFrameworks());
  }

  @Get(':frameworkId/versions/:version')
  @Access('framework.read')
  @ApiOperation({ summary: 'A version of a framework: its dimensions, themes, development goals and questions' })
  @ApiNotFoundResponse({ description: 'No such framework or version' })
  @ApiOkResponse({ type: FrameworkVersionResponse })
  async version(
    @UuidParam('frameworkId') frameworkId: string,
    @VersionParam() version: number,
    @Query() query: ReadQueryDto,
  ) {
    await this.readYourWrites.ensure(query.after);
    return this.queries.execute(new GetFrameworkVersion(frameworkId, version));
  }

  @Post(':frameworkId/versions')
  @CreatedAt('/api/v1/frameworks/:frameworkId/versions/:frameworkVersion')
  @Access('framework.publish')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Publish the next version of a framework (its whole content), e.g. with another dimension filled in; earlier rounds keep their version' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'A key repeats, a theme has no development goal, a text is missing in German or English, the date lies before the latest version' })
  async publish(
    @UuidParam('frameworkId') frameworkId: string,
    @Body() body: PublishFrameworkVersionDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const content = {
      title: { ...body.title },
      publishedOn: body.publishedOn,
      dimensions: body.dimensions.map((dimension) => ({
        key: dimension.key,
        number: dimension.number,
        title: { ...dimension.title },
        description: dimension.description ? { ...dimension.description } : null,
        keyQuestions: (dimension.keyQuestions ?? []).map((question) => ({ ...question })),
        themes: dimension.themes.map((theme) => ({ key: theme.key, title: { ...theme.title }, goals: theme.goals.map((goal) => ({ key: goal.key, text: { ...goal.text } })) })),
        strategicQuestions: (dimension.strategicQuestions ?? []).map((question) => ({ key: question.key, text: { ...question.text } })),
      })),
    };
    return withETag(response, await this.frameworkWrites.publishVersion(frameworkId, content, context));
  }
}
