import {
  ACTIVITY_TYPES,
  checkMatchingPrinciple,
  DepartmentKind,
  organizationStreamId,
  pairingStreamId,
  Sector,
  VillageCategory,
} from '@gongjian/domain';
import type { EventStore, NewEvent } from '@gongjian/event-store';
import { v5 as uuidv5 } from 'uuid';
import { dateBetween, lastCompleteMonthEnd, maxDate } from './demo-dates';
import { DEMO_SCALES, DemoScale } from './demo-plan.types';
import { planOrganizations } from './plan-organizations';
import { personName, planPairings } from './plan-pairings';
import { SeededRandom } from './seeded-random';

const NAMESPACE = 'd6f1f0a2-5c1e-4a6b-9a55-3f3c1f0e7b21';
const ACTOR = { id: 'demo:event-log', role: 'admin' };

export interface EventLogOptions {
  /** About how many events to write (the county's own events first, then activities). */
  events: number;
  seed?: number;
  scale?: DemoScale;
  /** Events per append (one stream each). */
  batchSize?: number;
  now?: Date;
  onProgress?: (written: number) => void;
}

const midnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/**
 * Writes a large demo event log straight to an event store, for benchmarks of the read side:
 * the demo county's organizations and pairings as their commands would record them, then
 * pairing activities spread over the two years until about `events` events are written.
 * Deterministic from the seed (event ids included); appends bypass the command pipeline.
 */
export async function writeDemoEventLog(
  store: EventStore,
  options: EventLogOptions,
): Promise<{ events: number; head?: string }> {
  const seed = options.seed ?? 2026;
  const random = new SeededRandom(seed);
  const lastDay = lastCompleteMonthEnd(options.now ?? new Date());
  const year = Number(lastDay.slice(0, 4));
  const scale = options.scale ?? DEMO_SCALES.county;
  const batchSize = options.batchSize ?? 500;
  const orgs = planOrganizations(random, scale);
  const pairings = planPairings(random, orgs, scale, year, lastDay);
  let written = 0;
  let counter = 0;
  const event = (type: string, data: Record<string, unknown>, occurredAt: string): NewEvent => {
    const commandId = uuidv5(`${seed}:${++counter}`, NAMESPACE);
    return {
      eventId: uuidv5(`${seed}:event:${counter}`, NAMESPACE),
      type,
      data,
      metadata: {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: ACTOR,
        occurredAt,
        schemaVersion: 1,
      },
    };
  };
  const append = async (streamId: string, events: NewEvent[]) => {
    for (let i = 0; i < events.length; i += batchSize) {
      await store.append(streamId, events.slice(i, i + batchSize), 'any');
      written += Math.min(batchSize, events.length - i);
      options.onProgress?.(written);
    }
  };

  const registeredAt = midnight(`${year - 1}-01-02`);
  for (const org of orgs.all) {
    const { id, ...rest } = org;
    const events = [event('OrganizationRegistered', { organizationId: id, ...rest }, registeredAt)];
    const categories = orgs.categories.get(id);
    if (categories) {
      events.push(
        event(
          'VillageCategoriesSet',
          {
            organizationId: id,
            categories,
            previousCategories: [],
            added: categories,
            removed: [],
            reason: '年度分类认定',
          },
          registeredAt,
        ),
      );
    }
    for (const y of [year - 1, year]) {
      events.push(
        event(
          'MemberCountRecorded',
          { organizationId: id, year: y, count: orgs.memberCounts.get(id)! },
          midnight(`${y}-01-10`),
        ),
      );
    }
    await append(organizationStreamId(id), events);
  }
  for (const p of pairings) {
    const ruralCategories = (orgs.categories.get(p.rural.id) ?? []) as VillageCategory[];
    const check = checkMatchingPrinciple(
      {
        sector: p.urban.sector as Sector,
        departmentKind: p.urban.departmentKind as DepartmentKind | undefined,
      },
      { categories: ruralCategories },
    );
    const ref = {
      pairingId: p.id,
      urbanOrganizationId: p.urban.id,
      ruralOrganizationId: p.rural.id,
    };
    await append(pairingStreamId(p.id), [
      event(
        'BranchPaired',
        {
          ...ref,
          urbanName: p.urban.name,
          urbanSector: p.urban.sector,
          ...(p.urban.departmentKind ? { urbanDepartmentKind: p.urban.departmentKind } : {}),
          urbanTownship: p.urban.township,
          ruralName: p.rural.name,
          ruralSector: p.rural.sector,
          ruralTownship: p.rural.township,
          ruralCategories,
          contactLeader: { name: personName(random), title: '副局长' },
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          commitments: { fundsFen: 10_000_000, projects: 1, activists: 1 },
          requiredCategory: check.requiredCategory,
          principleMatched: check.matched,
          ...(check.matched ? {} : { principleOverrideReason: '就近就便结对' }),
        },
        midnight(p.startsOn),
      ),
    ]);
    await append(organizationStreamId(p.rural.id), [
      event(
        'PairingLinked',
        {
          organizationId: p.rural.id,
          pairingId: p.id,
          urbanOrganizationId: p.urban.id,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
        },
        midnight(p.startsOn),
      ),
    ]);
  }
  const windowStart = `${year - 1}-01-01`;
  const perRound = Math.max(
    1,
    Math.min(batchSize, Math.ceil((options.events - written) / Math.max(1, pairings.length))),
  );
  for (let round = 0; written < options.events && pairings.length > 0; round++) {
    for (const p of pairings) {
      if (written >= options.events) break;
      const events = Array.from({ length: Math.min(perRound, options.events - written) }, () => {
        const date = dateBetween(random, maxDate(p.startsOn, windowStart), lastDay);
        const type = random.pick(ACTIVITY_TYPES);
        return event(
          'ActivityLogged',
          {
            pairingId: p.id,
            urbanOrganizationId: p.urban.id,
            ruralOrganizationId: p.rural.id,
            activityId: `log-${seed}-${counter}`,
            type,
            date,
            participants: random.int(8, 60),
            summary: type,
          },
          midnight(date),
        );
      });
      await append(pairingStreamId(p.id), events);
    }
  }
  return { events: written, head: await store.headPosition() };
}
