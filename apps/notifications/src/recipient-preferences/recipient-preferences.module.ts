import { Module } from '@nestjs/common';
import { RecipientPreferencesController } from './recipient-preferences.controller';
import { RecipientPreferencesService } from './recipient-preferences.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** Preferences per recipient and the public unsubscribe link. */
@Module({
  controllers: [RecipientPreferencesController, UnsubscribeController],
  providers: [RecipientPreferencesService],
  exports: [RecipientPreferencesService],
})
export class RecipientPreferencesModule {}
