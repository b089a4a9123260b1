import { Command } from '../shared/decider';
import { OrganizationSummary } from '../organization/organization.summary';
import { ActivityType, Commitments, DeliveryKind, Trainees } from './pairing.vocabulary';

/**
 * `urban` and `rural` are the organizations' current states, built by the handler with
 * `summarizeOrganization(id, fold(organizationDecider, events))` (organization/organization.summary.ts).
 * See organization/link-pairing.ts for the order of appends that keeps one active pairing per pair.
 */
export type PairBranch = Command<
  'PairBranch',
  {
    pairingId: string;
    urban: OrganizationSummary;
    rural: OrganizationSummary;
    contactLeader: { name: string; title: string };
    startsOn: string;
    endsOn: string;
    commitments: Commitments;
    /** Required when the matching principle is not met; ignored when it is. */
    principleOverrideReason?: string;
  }
>;

/** Logging the same activityId again with the same content is a no-op. */
export type LogActivity = Command<
  'LogActivity',
  {
    pairingId: string;
    activityId: string;
    type: ActivityType;
    date: string;
    /** Number of people who took part (> 0). */
    participants: number;
    summary: string;
    /** Trainings only: who was trained, by kind; together no more than the participants. */
    trainees?: Trainees;
    /**
     * Days after the term's end during which an activity dated inside the term is still
     * accepted, marked as entered late (configuration; 0 when absent).
     */
    lateEntryGraceDays?: number;
  }
>;

export type DissolvePairing = Command<
  'DissolvePairing',
  { pairingId: string; reason: string; on: string }
>;

/** `lateEntryGraceDays`: after the term ends, how long a renewal signed in time may still be entered. */
export type RenewPairing = Command<
  'RenewPairing',
  { pairingId: string; endsOn: string; lateEntryGraceDays?: number }
>;

/**
 * Fed by handlers when something is delivered against the agreement (a disbursement to the
 * village, a project launched, an activist cultivated). `ref` names the source fact (e.g. an
 * event or allocation id); the same (kind, ref) again is a no-op, so at-least-once feeds are safe.
 * `amountFen` for `funds`, `count` for `projects` and `activists`.
 */
export type RecordCommitmentDelivery = Command<
  'RecordCommitmentDelivery',
  {
    pairingId: string;
    kind: DeliveryKind;
    amountFen?: number;
    count?: number;
    ref: string;
    on: string;
  }
>;

export type PairingCommand =
  PairBranch | LogActivity | DissolvePairing | RenewPairing | RecordCommitmentDelivery;
