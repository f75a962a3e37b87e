import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { Access } from '../access/access.decorator';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { UuidParam, withETag } from '../http/params';
import { RequestContext, ResourceNetworkId } from '../http/request-context';
import { WriteResponseDto } from '../http/write-response.dto';
import { CommandContext } from '../write/command-context';
import { PersonWrites } from './person.writes';

export class ErasePersonalDataDto {
  @IsCalendarDate({ description: 'The day the data is erased (the day the request was granted)' })
  erasedOn!: string;

  @ApiProperty({ example: 'Antrag der betroffenen Person nach Art. 17 DSGVO vom 20.11.2026', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

/** People named in a network's events (contact persons, representatives): their data and its erasure. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PersonWrites) {}

  @Post(':personId/erasure')
  @Access('person.erase', { kind: 'person', param: 'personId' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Erase a person’s data (DSGVO Art. 17): their key is deleted, every event stays as it was and reads show the data as erased',
  })
  @ApiOkResponse({ type: WriteResponseDto })
  @ApiNotFoundResponse({ description: 'No person with this id was named in a network of yours' })
  @ApiConflictResponse({ description: 'The person’s data is erased already' })
  async erase(
    @UuidParam('personId') personId: string,
    @ResourceNetworkId() networkId: string | null,
    @Body() body: ErasePersonalDataDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'ErasePersonalData' as const, personId, networkId, erasedOn: body.erasedOn, reason: body.reason };
    return withETag(response, await this.people.erasePersonalData(command, context));
  }
}
