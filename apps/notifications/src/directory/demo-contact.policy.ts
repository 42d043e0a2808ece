import type { ContactV1, MunicipalityProfileV1 } from '@bridges/contracts';

/** Domain of demo addresses: `.localhost` never resolves, so nothing can leave a developer's machine. */
export const DEMO_CONTACT_DOMAIN = 'demo.bridges.localhost';

/**
 * The stand-in contact of a profile that has none, for the quick start only (NOTIFICATIONS_DEMO_CONTACTS):
 * imported demo profiles carry no people, yet a newcomer accepting a demo proposal should see the
 * partnership emails arrive in the local SMTP sink. Deterministic, so replays map to the same recipient.
 */
export function demoContactFor(profile: MunicipalityProfileV1): ContactV1 {
  const slug =
    profile.nameLatin
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'municipality';
  const country = profile.country.toUpperCase();
  return {
    contactId: `demo-${profile.municipalityId}`,
    name: `${profile.nameLatin} (demo contact)`,
    email: `${slug}.${country.toLowerCase()}@${DEMO_CONTACT_DOMAIN}`,
    preferredLanguage: country === 'UA' ? 'uk' : (profile.workingLanguages[0] ?? 'en'),
  };
}
