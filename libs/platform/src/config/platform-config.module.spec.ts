import { Test } from '@nestjs/testing';
import { BaseEnv } from './base.env';
import { ConfigValidationError } from './config-validation.error';
import { PlatformConfigModule } from './platform-config.module';

class ServiceEnv extends BaseEnv {
  override KAFKA_CLIENT_ID = 'service';
}

const source = {
  NODE_ENV: 'test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
};

describe(PlatformConfigModule.name, () => {
  describe('forRoot', () => {
    it('should provide one validated instance under the app class and BaseEnv when the app boots', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [PlatformConfigModule.forRoot(ServiceEnv, { source })],
      }).compile();

      const env = moduleRef.get(ServiceEnv);
      expect(env).toBeInstanceOf(ServiceEnv);
      expect(env.KAFKA_CLIENT_ID).toBe('service');
      expect(moduleRef.get(BaseEnv)).toBe(env);
    });

    it('should fail the boot with every bad variable when the source is invalid', async () => {
      const compiling = Test.createTestingModule({
        imports: [PlatformConfigModule.forRoot(ServiceEnv, { source: { NODE_ENV: 'test' } })],
      }).compile();

      await expect(compiling).rejects.toThrow(ConfigValidationError);
      await expect(compiling).rejects.toThrow(/KAFKA_BROKERS[\s\S]*DATABASE_URL/);
    });
  });
});
