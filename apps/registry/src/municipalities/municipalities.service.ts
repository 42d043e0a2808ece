import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MunicipalityContactErasedV1Event,
  MunicipalityDeactivatedV1Event,
  MunicipalityProfileUpdatedV1Event,
  MunicipalityRegisteredV1Event,
  type EventDefinition,
} from '@bridges/contracts';
import { OutboxWriter, type EventCause } from '@bridges/messaging';
import { canActOnMunicipality, Role, type AuthenticatedUser } from '@bridges/platform';
import type { CreateMunicipalityDto } from './dto/create-municipality.dto';
import type { ListMunicipalitiesDto, MunicipalitySort } from './dto/list-municipalities.dto';
import type { ContactDto } from './dto/profile-parts.dto';
import type { UpdateMunicipalityDto } from './dto/update-municipality.dto';
import {
  ContactNotFoundError,
  DuplicateMunicipalityError,
  InvalidProfileError,
  MunicipalityInactiveError,
  MunicipalityNotFoundError,
  VersionMismatchError,
} from './municipalities.errors';
import {
  changedFields,
  kindOfCountry,
  normalizeOfficialCode,
  profileProblems,
  removedContacts,
  toMunicipalityRow,
  toProfileSnapshot,
  type ProfileState,
} from './municipality-profile.rules';
import { MunicipalityEntity, type MunicipalityContact } from './municipality.entity';
import { toMunicipalityView, type MunicipalityView } from './municipality.view';
import { toPublicMunicipalityView, type PublicMunicipalityView } from './public-municipality.view';
import { transliterateUkrainian } from './transliteration/ukrainian-transliteration';

/** Appends an event in the caller's transaction: the HTTP path's outbox, or a consumer's `EventContext.publish`. */
export type EventPublisher = <P extends object>(
  definition: EventDefinition<P>,
  payload: P,
) => Promise<unknown>;

/** One page of profiles. */
export interface MunicipalityPage {
  items: MunicipalityView[];
  total: number;
  limit: number;
  offset: number;
}

/** What a change did: the stored state and the fields consumers were told about. */
export interface ChangeOutcome {
  profile: ProfileState;
  changedFields: string[];
}

const UNIQUE_VIOLATION = '23505';

/**
 * Use cases on municipality profiles. Every change is written with its event in one transaction
 * (outbox); every change raises `version` by one.
 */
@Injectable()
export class MunicipalitiesService {
  private selectById?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Registers a profile at version 1 and publishes `registered`; 409 naming the existing profile on a duplicate. */
  async register(dto: CreateMunicipalityDto, cause: EventCause = {}): Promise<ProfileState> {
    const profile = this.newProfile(dto);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOne(MunicipalityEntity, {
          where: { country: profile.country, officialCode: profile.officialCode },
          select: { id: true },
        });
        if (existing)
          throw new DuplicateMunicipalityError(existing.id, profile.country, profile.officialCode);
        await this.insertProfiles(manager, [profile], this.outboxPublisher(manager, cause));
        return profile;
      });
    } catch (error) {
      // Two registrations racing past the check: the unique index decides, the loser gets the 409.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winner = await this.dataSource.getRepository(MunicipalityEntity).findOneBy({
          country: profile.country,
          officialCode: profile.officialCode,
        });
        if (winner) throw new DuplicateMunicipalityError(winner.id, profile.country, profile.officialCode);
      }
      throw error;
    }
  }

  /** A profile as `user` may see it (contacts only for registry coordinators and its own officers). */
  async get(id: string, user: AuthenticatedUser): Promise<MunicipalityView> {
    const profile = await this.findById(id);
    if (!profile) throw new MunicipalityNotFoundError(id);
    return toMunicipalityView(profile, this.canSeeContacts(user, id));
  }

  /** The public profile any signed-in officer or coordinator may read (no contacts). */
  async getPublic(id: string): Promise<PublicMunicipalityView> {
    const profile = await this.findById(id);
    if (!profile) throw new MunicipalityNotFoundError(id);
    return toPublicMunicipalityView(profile);
  }

  /**
   * The hottest read, kept lean: a named prepared statement on the pool TypeORM already holds (parsed
   * and planned once per connection), columns aliased to property names, so there is no query
   * building or entity hydration per request; pg parses jsonb, arrays and numbers itself.
   */
  private async findById(id: string): Promise<MunicipalityEntity | undefined> {
    this.selectById ??= `SELECT ${this.dataSource
      .getMetadata(MunicipalityEntity)
      .columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`)
      .join(', ')} FROM municipality WHERE id = $1`;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<MunicipalityEntity>({
      name: 'registry_municipality_by_id',
      text: this.selectById,
      values: [id],
    });
    return result.rows[0];
  }

  /** Filters, name search in either script (word prefixes) and a page, sorted (Latin name by default). */
  async list(query: ListMunicipalitiesDto, user: AuthenticatedUser): Promise<MunicipalityPage> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const qb = this.dataSource.getRepository(MunicipalityEntity).createQueryBuilder('m');
    if (!query.includeInactive) qb.andWhere('m.active = true');
    if (query.country) qb.andWhere('m.country = :country', { country: query.country });
    if (query.region) qb.andWhere('m.region_code = :region', { region: query.region });
    if (query.type) qb.andWhere('m.settlement_type = :type', { type: query.type });
    if (query.seekingPartner !== undefined)
      qb.andWhere('m.seeking_partner = :seeking', { seeking: query.seekingPartner });
    if (query.hasPartner !== undefined)
      qb.andWhere(`cardinality(m.international_partners) ${query.hasPartner ? '>' : '='} 0`);
    if (query.populationMin !== undefined)
      qb.andWhere('m.population >= :populationMin', { populationMin: query.populationMin });
    if (query.populationMax !== undefined)
      qb.andWhere('m.population <= :populationMax', { populationMax: query.populationMax });
    if (query.sector) {
      qb.andWhere(
        '(m.sectors @> ARRAY[:sector]::text[] OR m.needs @> :sectorJson::jsonb OR m.offers @> :sectorJson::jsonb)',
        {
          sector: query.sector,
          sectorJson: JSON.stringify([{ sector: query.sector }]),
        },
      );
    }
    if (query.q) {
      const tsquery = toPrefixTsQuery(query.q);
      // A search with no word characters matches nothing rather than everything.
      if (!tsquery) return { items: [], total: 0, limit, offset };
      qb.andWhere(`to_tsvector('simple', m.search_name) @@ to_tsquery('simple', :tsquery)`, { tsquery });
    }
    const order = query.order === 'desc' ? 'DESC' : 'ASC';
    // Unknown populations last in either direction: they are not the smallest nor the largest.
    qb.orderBy(SORT_COLUMNS[query.sort ?? 'name'], order, 'NULLS LAST')
      // Ties (same name, same population) in a stable order, so paging neither repeats nor skips a row.
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .offset(offset);
    const [rows, total] = await qb.getManyAndCount();
    const withContacts = user.roles.includes(Role.RegistryCoordinator);
    return { items: rows.map((r) => toMunicipalityView(r, withContacts)), total, limit, offset };
  }

  /** Applies `dto` if the profile is still at `expectedVersion`; publishes `profile-updated` (and `contact-erased` per removed contact). */
  async update(
    id: string,
    dto: UpdateMunicipalityDto,
    expectedVersion: number,
    cause: EventCause = {},
  ): Promise<ChangeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, id, expectedVersion);
      const after = applyUpdate(before, dto);
      return this.saveChange(manager, before, after, this.outboxPublisher(manager, cause));
    });
  }

  /** Takes the profile out of every pool; publishes `deactivated`. Deactivating twice is a 409. */
  async deactivate(
    id: string,
    expectedVersion: number,
    reason: string | undefined,
    cause: EventCause = {},
  ): Promise<ProfileState> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, id, expectedVersion);
      const after: ProfileState = {
        ...before,
        active: false,
        deactivationReason: reason ?? null,
        version: before.version + 1,
      };
      await manager.update(
        MunicipalityEntity,
        { id },
        { active: false, deactivationReason: after.deactivationReason, version: after.version },
      );
      await this.outbox.append(
        manager,
        MunicipalityDeactivatedV1Event,
        { municipalityId: id, version: after.version, ...(reason ? { reason } : {}) },
        cause,
      );
      return after;
    });
  }

  /** Erases one contact person's data (on their request) and tells every consumer to purge it. */
  async eraseContact(id: string, contactId: string, cause: EventCause = {}): Promise<ProfileState> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockForChange(manager, id, undefined, { allowInactive: true });
      if (!before.contacts.some((c) => c.contactId === contactId))
        throw new ContactNotFoundError(id, contactId);
      const after: ProfileState = {
        ...before,
        contacts: before.contacts.filter((c) => c.contactId !== contactId),
        version: before.version + 1,
      };
      await manager.update(MunicipalityEntity, { id }, { contacts: after.contacts, version: after.version });
      await this.outbox.append(
        manager,
        MunicipalityContactErasedV1Event,
        { municipalityId: id, version: after.version, contactId },
        cause,
      );
      return after;
    });
  }

  /** True when `user` may act on (edit) the profile: registry coordinators, or its own officer. */
  canEdit(user: AuthenticatedUser, id: string): boolean {
    return canActOnMunicipality(user, id, { coordinatorRoles: [Role.RegistryCoordinator] });
  }

  /** Contacts are personal data: only registry coordinators and the municipality's own officers see them. */
  canSeeContacts(user: AuthenticatedUser, id: string): boolean {
    return this.canEdit(user, id);
  }

  /**
   * Stores `after` as the next version of `before` when something a consumer sees changed, and
   * publishes `profile-updated` with the changed fields plus `contact-erased` for each removed
   * contact. A change that changes nothing writes nothing and publishes nothing.
   */
  async saveChange(
    manager: EntityManager,
    before: ProfileState,
    after: ProfileState,
    publish: EventPublisher,
  ): Promise<ChangeOutcome> {
    const problems = profileProblems(after);
    if (problems.length > 0) throw new InvalidProfileError(problems);
    const changed = changedFields(before, after);
    if (changed.length === 0) return { profile: before, changedFields: [] };
    const next: ProfileState = { ...after, version: before.version + 1 };
    // The aggregate row first, then its events: the relay never sees an event whose row is missing.
    await manager.save(MunicipalityEntity, toMunicipalityRow(next));
    await publish(MunicipalityProfileUpdatedV1Event, {
      changedFields: changed,
      profile: toProfileSnapshot(next),
    });
    for (const contact of removedContacts(before.contacts, next.contacts)) {
      await publish(MunicipalityContactErasedV1Event, {
        municipalityId: next.id,
        version: next.version,
        contactId: contact.contactId,
      });
    }
    return { profile: next, changedFields: changed };
  }

  /** Inserts new profiles (one multi-row insert) and publishes `registered` for each, in the caller's transaction. */
  async insertProfiles(
    manager: EntityManager,
    profiles: readonly ProfileState[],
    publish: EventPublisher,
  ): Promise<void> {
    for (const p of profiles) {
      const problems = profileProblems(p);
      if (problems.length > 0) throw new InvalidProfileError(problems);
    }
    if (profiles.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(MunicipalityEntity)
      .values(profiles.map(toMunicipalityRow))
      .updateEntity(false)
      .execute();
    for (const p of profiles) await publish(MunicipalityRegisteredV1Event, { profile: toProfileSnapshot(p) });
  }

  /** Locks a profile by its country and official code for a change in the caller's transaction. */
  findForChangeByCode(
    manager: EntityManager,
    country: string,
    officialCode: string,
  ): Promise<MunicipalityEntity | null> {
    return manager.findOne(MunicipalityEntity, {
      where: { country, officialCode: normalizeOfficialCode(country, officialCode) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private outboxPublisher(manager: EntityManager, cause: EventCause): EventPublisher {
    return (definition, payload) => this.outbox.append(manager, definition, payload, cause);
  }

  private async lockForChange(
    manager: EntityManager,
    id: string,
    expectedVersion: number | undefined,
    options: { allowInactive?: boolean } = {},
  ): Promise<MunicipalityEntity> {
    const profile = await manager.findOne(MunicipalityEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!profile) throw new MunicipalityNotFoundError(id);
    if (expectedVersion !== undefined && profile.version !== expectedVersion)
      throw new VersionMismatchError(expectedVersion, profile.version);
    if (!profile.active && !options.allowInactive) throw new MunicipalityInactiveError(id);
    return profile;
  }

  private newProfile(dto: CreateMunicipalityDto): ProfileState {
    const kind = kindOfCountry(dto.country);
    const isHromada = dto.country === 'UA';
    return {
      id: randomUUID(),
      version: 1,
      kind,
      country: dto.country,
      officialCode: normalizeOfficialCode(dto.country, dto.officialCode),
      // Names arrive trimmed and in NFC: the DTO normalises them (NormalizedText).
      nameNative: dto.nameNative,
      nameLatin: dto.nameLatin ?? (isHromada ? transliterateUkrainian(dto.nameNative) : dto.nameNative),
      regionCode: dto.region.code ?? null,
      regionName: dto.region.name,
      settlementType: dto.settlementType,
      population: dto.population ?? null,
      populationYear: dto.populationYear ?? null,
      areaKm2: dto.areaKm2 ?? null,
      latitude: dto.location?.lat ?? null,
      longitude: dto.location?.lon ?? null,
      sectors: dto.sectors ?? [],
      needs: (dto.needs ?? []).map(statement),
      offers: (dto.offers ?? []).map(statement),
      priorities: dto.priorities ?? [],
      workingLanguages: dto.workingLanguages ?? [],
      partnershipCapacity: dto.partnershipCapacity ?? null,
      internationalPartners: dto.internationalPartners ?? [],
      warImpact: dto.warImpact ? { ...dto.warImpact } : null,
      seekingPartner: dto.seekingPartner ?? isHromada,
      associationId: dto.associationId ?? null,
      contacts: (dto.contacts ?? []).map((c) => newContact(c)),
      active: true,
      deactivationReason: null,
    };
  }
}

function statement(s: { sector: string; description?: string }) {
  return s.description === undefined
    ? { sector: s.sector }
    : { sector: s.sector, description: s.description };
}

function newContact(c: ContactDto, contactId: string = randomUUID()): MunicipalityContact {
  const contact: MunicipalityContact = {
    contactId,
    name: c.name,
    email: c.email,
    preferredLanguage: c.preferredLanguage,
  };
  if (c.role !== undefined) contact.role = c.role;
  if (c.phone !== undefined) contact.phone = c.phone;
  return contact;
}

/** The state after a PATCH: given fields replace, `null` clears, absent fields stay. */
export function applyUpdate(before: ProfileState, dto: UpdateMunicipalityDto): ProfileState {
  const after: ProfileState = { ...before };
  const has = (key: keyof UpdateMunicipalityDto) =>
    Object.prototype.hasOwnProperty.call(dto, key) && dto[key] !== undefined;
  const d = dto as Record<keyof UpdateMunicipalityDto, unknown>;
  if (has('nameNative')) after.nameNative = (d.nameNative as string | null) ?? before.nameNative;
  if (has('nameLatin')) after.nameLatin = (d.nameLatin as string | null) ?? before.nameLatin;
  if (has('region') && dto.region) {
    after.regionCode = dto.region.code ?? null;
    after.regionName = dto.region.name;
  }
  if (has('settlementType') && dto.settlementType) after.settlementType = dto.settlementType;
  if (has('population')) after.population = dto.population ?? null;
  if (has('populationYear')) after.populationYear = dto.populationYear ?? null;
  if (has('areaKm2')) after.areaKm2 = dto.areaKm2 ?? null;
  if (has('location')) {
    after.latitude = dto.location?.lat ?? null;
    after.longitude = dto.location?.lon ?? null;
  }
  if (has('sectors')) after.sectors = dto.sectors ?? [];
  if (has('needs')) after.needs = (dto.needs ?? []).map(statement);
  if (has('offers')) after.offers = (dto.offers ?? []).map(statement);
  if (has('priorities')) after.priorities = dto.priorities ?? [];
  if (has('workingLanguages')) after.workingLanguages = dto.workingLanguages ?? [];
  if (has('partnershipCapacity')) after.partnershipCapacity = dto.partnershipCapacity ?? null;
  if (has('internationalPartners')) after.internationalPartners = dto.internationalPartners ?? [];
  if (has('warImpact')) after.warImpact = dto.warImpact ? { ...before.warImpact, ...dto.warImpact } : null;
  if (has('seekingPartner') && dto.seekingPartner !== undefined) after.seekingPartner = dto.seekingPartner;
  if (has('associationId')) after.associationId = dto.associationId ?? null;
  if (has('contacts')) {
    const known = new Map(before.contacts.map((c) => [c.contactId, c]));
    const unknown = (dto.contacts ?? []).filter((c) => c.contactId !== undefined && !known.has(c.contactId));
    if (unknown.length > 0)
      throw new InvalidProfileError(unknown.map((c) => `contacts: no contact ${c.contactId} to update`));
    after.contacts = (dto.contacts ?? []).map((c) => newContact(c, c.contactId));
  }
  return after;
}

/** The column of each `sort` of `GET /municipalities`. */
const SORT_COLUMNS: Record<MunicipalitySort, string> = {
  name: 'm.name_latin',
  nameNative: 'm.name_native',
  population: 'm.population',
};

/** Words of a search as a prefix tsquery (`vinn:* & oblast:*`); undefined when there are no words. */
export function toPrefixTsQuery(q: string): string | undefined {
  const words =
    q
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  return words.length === 0 ? undefined : words.map((w) => `${w.toLowerCase()}:*`).join(' & ');
}
