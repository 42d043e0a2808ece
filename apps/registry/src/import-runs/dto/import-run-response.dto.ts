import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_RUN_STATUSES } from '../import-run.entity';

export class ImportRunSourcesDto {
  @ApiProperty() hromadas: boolean;
  @ApiProperty({ type: [String] }) countries: string[];
}

class ImportRunProgressDto {
  @ApiProperty({ description: 'Rows read so far (imported or rejected)' }) rowsDone: number;
  @ApiProperty({ description: 'Rows in the files of the run' }) rowsTotal: number;
  @ApiProperty() filesDone: number;
  @ApiProperty() filesTotal: number;
  @ApiProperty({ description: 'rowsDone of rowsTotal, 0–100; 100 once succeeded' }) percent: number;
}

class ImportRunRejectedRowDto {
  @ApiProperty({ description: 'The file name (no server path)' }) file: string;
  @ApiProperty({ description: 'Line in the file' }) row: number;
  @ApiProperty() reason: string;
}

/** One import run with its progress and counts. */
export class ImportRunResponseDto {
  @ApiProperty({ format: 'uuid' }) importRunId: string;
  @ApiProperty({ enum: IMPORT_RUN_STATUSES }) status: string;
  @ApiProperty({ type: ImportRunSourcesDto }) sources: ImportRunSourcesDto;
  @ApiProperty({ description: 'Who started it (token subject)' }) startedBy: string;
  @ApiProperty({ type: ImportRunProgressDto }) progress: ImportRunProgressDto;
  @ApiProperty({ description: 'New profiles' }) created: number;
  @ApiProperty({ description: 'Profiles changed' }) updated: number;
  @ApiProperty({ description: 'Rows equal to their stored profile (nothing written or published)' })
  unchanged: number;
  @ApiProperty({ description: 'Rows refused by the parser or the profile rules' }) rejected: number;
  @ApiProperty({ type: [ImportRunRejectedRowDto], description: 'The first 50 rejected rows' })
  rejectedRows: ImportRunRejectedRowDto[];
  @ApiPropertyOptional({ description: 'Why a failed run stopped (files committed before it stay)' })
  error?: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
}

export class ImportRunPageDto {
  @ApiProperty({ type: [ImportRunResponseDto] }) items: ImportRunResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
