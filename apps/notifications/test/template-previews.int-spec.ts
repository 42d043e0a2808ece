import request from 'supertest';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';

// GET /templates and GET /templates/:id/preview through the whole HTTP stack (roles, validation, errors).
describe('template previews API', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let service: NotificationsTestApp;
  let admin: string;
  const get = (path: string, token = admin) =>
    request(service.url).get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    db = await createTestDatabase('notifications_previews');
    await provisionNotificationsTopics(prefix);
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: 1,
      env: { NOTIFICATIONS_DISPATCH_ENABLED: 'false' },
    });
    admin = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.NotificationsAdmin], sub: 'admin-1' });
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  it('should list every template with its version and languages', async () => {
    const answer = await get('/templates').expect(200);
    const list = answer.body as Array<{ id: string; version: number; locales: string[] }>;
    expect(list.find((t) => t.id === 'partnership.established')).toMatchObject({
      locales: expect.arrayContaining(['uk', 'en', 'pl']),
    });
    expect(list.every((t) => t.locales.includes('uk') && t.locales.includes('en'))).toBe(true);
  });

  it('should render a template in the asked language with its sample data', async () => {
    const uk = await get('/templates/partnership.established/preview?locale=uk').expect(200);
    const en = await get('/templates/partnership.established/preview?locale=en').expect(200);
    expect(uk.body).toMatchObject({ templateId: 'partnership.established', locale: 'uk' });
    expect(en.body).toMatchObject({ templateId: 'partnership.established', locale: 'en' });
    expect((uk.body as { html: string }).html).toContain('<html lang="uk">');
    expect((uk.body as { text: string }).text).toContain('Житомирська міська громада');
    expect((en.body as { subject: string }).subject).not.toBe((uk.body as { subject: string }).subject);
  });

  it('should answer 400 at the locale field for a language the template is not written in, or none', async () => {
    const untranslated = await get('/templates/events.reminder/preview?locale=lt').expect(400);
    expect(untranslated.body).toMatchObject({ errors: [{ field: 'locale' }] });
    const missing = await get('/templates/events.reminder/preview').expect(400);
    expect(missing.body).toMatchObject({ errors: [expect.objectContaining({ field: 'locale' })] });
  });

  it('should answer 404 for an unknown template and 403 for a role other than notifications admin', async () => {
    const unknown = await get('/templates/no.such-template/preview?locale=en').expect(404);
    expect(unknown.body).toMatchObject({ code: 'TEMPLATE_UNKNOWN' });
    const officer = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.MunicipalityOfficer],
      sub: 'officer-1',
      municipalityId: '00000000-0000-4000-8000-000000000001',
    });
    await get('/templates', officer).expect(403);
  });
});
