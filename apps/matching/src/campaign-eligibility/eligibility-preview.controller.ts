import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import { EligibilityPreviewResponseDto } from './dto/eligibility-preview.response.dto';
import { PreviewEligibilityDto } from './dto/preview-eligibility.dto';
import { EligibilityPreviewService } from './eligibility-preview.service';

/** The console's live count while a coordinator writes a campaign's eligibility. */
@ApiTags('campaigns')
@Roles(Role.MatchingCoordinator)
@Controller('campaigns')
export class EligibilityPreviewController {
  constructor(private readonly previews: EligibilityPreviewService) {}

  @Post('preview-eligibility')
  @HttpCode(200)
  @ApiOperation({
    summary: 'How many EU municipalities and seeking hromadas an eligibility admits now (writes nothing)',
  })
  @ApiOkResponse({ type: EligibilityPreviewResponseDto })
  preview(@Body() dto: PreviewEligibilityDto): Promise<EligibilityPreviewResponseDto> {
    return this.previews.preview(dto);
  }
}
