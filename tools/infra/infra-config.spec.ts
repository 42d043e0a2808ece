import * as path from 'node:path';
import { LOCAL_CACHE_DIR, localInfraDir, readInfraSettings, REPO_ROOT } from './infra-config';

describe('localInfraDir', () => {
  it('should be the checkout’s .local when LOCAL_INFRA_DIR is unset or empty', () => {
    expect(localInfraDir({})).toBe(path.join(REPO_ROOT, '.local'));
    expect(localInfraDir({ LOCAL_INFRA_DIR: '' })).toBe(LOCAL_CACHE_DIR);
  });

  it('should resolve a relative LOCAL_INFRA_DIR against the checkout, not the working directory', () => {
    expect(localInfraDir({ LOCAL_INFRA_DIR: '.local/fault-suite/infra' })).toBe(
      path.join(REPO_ROOT, '.local', 'fault-suite', 'infra'),
    );
  });

  it('should keep an absolute LOCAL_INFRA_DIR as given', () => {
    expect(localInfraDir({ LOCAL_INFRA_DIR: '/var/tmp/bridges-second' })).toBe('/var/tmp/bridges-second');
  });
});

describe('readInfraSettings', () => {
  it('should take the ports of a second instance from LOCAL_*_PORT', () => {
    expect(
      readInfraSettings({
        LOCAL_KAFKA_PORT: '29092',
        LOCAL_KAFKA_CONTROLLER_PORT: '29093',
        LOCAL_POSTGRES_PORT: '25432',
      }),
    ).toMatchObject({ kafkaPort: 29092, kafkaControllerPort: 29093, postgresPort: 25432 });
  });

  it('should refuse a port that is not one, naming the variable', () => {
    expect(() => readInfraSettings({ LOCAL_POSTGRES_PORT: '70000' })).toThrow(/LOCAL_POSTGRES_PORT/);
  });
});
