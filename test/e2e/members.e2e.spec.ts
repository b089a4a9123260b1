import { addDays, addMonths } from '@gongjian/domain';
import { client, Harness, KEYS, Reply, startApi } from './api-harness';
import { shanghaiDate, shanghaiMidnight } from '@gongjian/write-side';

/** Dates relative to today in Asia/Shanghai, so that no step is ever in the future. */
const TODAY = shanghaiDate(new Date().toISOString());

const ID_NUMBER = '110101199503151234';
const PHONE = '13812345678';

const village = (id: string, township = 'T01', parentId?: string) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
  ...(parentId !== undefined && { parentId }),
});
/** Township Party committees (乡镇党委): mb-town over mb-v1 and mb-v2, mb-town2 elsewhere. */
const township = (id: string, township = 'T01') => ({
  id,
  name: `${id} 镇党委`,
  level: 'committee',
  sector: 'township',
  township,
});
const person = {
  name: '李梅',
  gender: 'female',
  birthDate: '1995-03-15',
  education: '大专',
  idNumber: ID_NUMBER,
  phone: PHONE,
  occupation: '个体经营',
};

/** A command's answer or a problem. */
type Answer = Record<string, unknown> & {
  code?: string;
  errors?: { field: string; message: string }[];
};

type Member = {
  id: string;
  organizationId: string;
  partnerOrganizationId?: string;
  stage: string;
  person: { name: string; idNumber?: string; phone?: string };
  history: { step: string; on: string; passed?: boolean }[];
  obligations: { kind: string; dueOn: string; overdue: boolean }[];
  dualCultivation: boolean;
};

describe('member development over HTTP (develop-member)', () => {
  let api: Harness;
  let admin: ReturnType<typeof client>;
  let operator: ReturnType<typeof client>;
  let inspector: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startApi();
    admin = client(api, KEYS.admin);
    operator = client(api, KEYS.operatorT01);
    inspector = client(api, KEYS.inspector);
    for (const body of [
      township('mb-town'),
      township('mb-town2'),
      village('mb-v1', 'T01', 'mb-town'),
      village('mb-v2', 'T01', 'mb-town'),
      village('mb-v9', 'T09'),
    ]) {
      expect((await admin.post('/organizations', body)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const step = (memberId: string, body: Record<string, unknown>, key = operator) =>
    key.post<Answer>(`/members/${memberId}/steps`, body);
  const fieldsOf = (reply: Reply<Answer>) =>
    [...new Set((reply.body.errors ?? []).map((e) => e.field))].sort();

  /** Posts a step that must pass. */
  async function ok(memberId: string, body: Record<string, unknown>): Promise<void> {
    const reply = await step(memberId, body);
    if (reply.status !== 201) throw new Error(`${body.step}: ${JSON.stringify(reply.body)}`);
  }

  describe('one person from application to full membership', () => {
    // A record from the past on fixed dates: the public notice is counted on the official
    // calendar of those years.
    const applied = '2023-03-01';
    const activistOn = '2023-04-03';
    const targetOn = '2024-05-06';
    const preReviewOn = '2024-09-23';
    const probationEndsOn = '2025-10-22';
    const stepsOf = async (id: string) =>
      (await api.store.readStream(`member-${id}`)).map((e) => e.type);

    it('applies with personal data encrypted before it is stored', async () => {
      const reply = await operator.post('/members', {
        id: 'mb-li',
        organizationId: 'mb-v1',
        appliedOn: applied,
        person,
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ id: 'mb-li', streamId: 'member-mb-li', revision: 0 });
      const [applied_] = await api.store.readStream('member-mb-li');
      expect(applied_.type).toBe('MembershipApplied');
      const stored = applied_.data.person as Record<string, unknown>;
      expect(stored.idNumberCipher).toMatch(/^pd2:/);
      expect(stored.phoneCipher).toMatch(/^pd2:/);
      expect(stored).not.toHaveProperty('idNumber');
      expect(stored).not.toHaveProperty('phone');
      expect(applied_.metadata).toMatchObject({
        actor: { id: 'operator:e2e operator', role: 'operator' },
        occurredAt: shanghaiMidnight(applied),
      });
    });

    it('flags the overdue interview among the obligations', async () => {
      const view = await admin.get<Member>('/members/mb-li');
      expect(view.body.stage).toBe('applicant');
      expect(view.body.obligations).toEqual([
        { kind: 'interview', dueOn: addMonths(applied, 1), overdue: true },
      ]);
    });

    it('interviews, designates an activist, files it and reviews every half-year', async () => {
      await ok('mb-li', { step: 'interview', on: '2023-03-21', by: '王书记' });
      await ok('mb-li', {
        step: 'designate_activist',
        on: activistOn,
        method: 'member_recommendation',
        resolutionRef: '支委会 2023-04',
      });
      await ok('mb-li', { step: 'assign_contacts', on: activistOn, contacts: ['张强', '刘芳'] });
      await ok('mb-li', { step: 'record_filing', on: '2023-04-17', of: 'activist', by: 'mb-town' });
      await ok('mb-li', { step: 'review_activist', on: '2023-10-09', result: 'satisfactory' });
      const [designated] = (await api.store.readStream('member-mb-li')).filter(
        (e) => e.type === 'ActivistDesignated',
      );
      expect(designated.metadata.occurredAt).toBe(shanghaiMidnight(activistOn));
    });

    it('refuses a development target before one year as activist: 422 ACTIVIST_PERIOD_TOO_SHORT', async () => {
      const reply = await step('mb-li', {
        step: 'designate_target',
        on: addMonths(activistOn, 11),
        resolutionRef: '支委会',
      });
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'ACTIVIST_PERIOD_TOO_SHORT' });
    });

    it('refuses the target with one review for the year: 422 ACTIVIST_REVIEWS_MISSING', async () => {
      const reply = await step('mb-li', {
        step: 'designate_target',
        on: targetOn,
        resolutionRef: '支委会',
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('ACTIVIST_REVIEWS_MISSING');
    });

    it('designates the development target, files it, trains in one session and pre-reviews', async () => {
      await ok('mb-li', { step: 'review_activist', on: '2024-04-01', result: 'satisfactory' });
      await ok('mb-li', {
        step: 'designate_target',
        on: targetOn,
        resolutionRef: '支委会 2024-05',
      });
      await ok('mb-li', { step: 'assign_sponsors', on: targetOn, sponsors: ['张强', '陈静'] });
      await ok('mb-li', {
        step: 'record_filing',
        on: '2024-05-10',
        of: 'development_target',
        by: 'mb-town',
      });
      await ok('mb-li', { step: 'political_review', on: '2024-05-20', passed: true });
      await ok('mb-li', { step: 'training', on: '2024-05-27', hours: 8, organizer: '镇党委' });
      const scattered = await step('mb-li', { step: 'pre_review', on: '2024-06-03' });
      expect(scattered.status).toBe(422);
      expect(scattered.body.code).toBe('TRAINING_INSUFFICIENT');
      await ok('mb-li', { step: 'training', on: '2024-06-14', days: 3, organizer: '县委党校' });
      await ok('mb-li', { step: 'pre_review', on: preReviewOn, by: '乡镇党委组织委员' });
    });

    it('refuses a notice over 国庆 (2024-09-30 → 2024-10-04: 1 working day), accepts one counting the 调休 Saturday', async () => {
      const golden = await step('mb-li', {
        step: 'public_notice',
        from: '2024-09-30',
        to: '2024-10-04',
      });
      expect(golden.status).toBe(422);
      expect(golden.body).toMatchObject({
        code: 'PUBLIC_NOTICE_TOO_SHORT',
        details: { workingDays: 1 },
      });
      await ok('mb-li', { step: 'public_notice', from: '2024-10-08', to: '2024-10-12' });
      const notice = (await api.store.readStream('member-mb-li')).at(-1)!;
      expect(notice).toMatchObject({
        type: 'PublicNoticePosted',
        data: { workingDays: 5, countedOn: 'official_calendar' },
      });
      expect(notice.metadata.occurredAt).toBe(shanghaiMidnight('2024-10-08'));
    });

    it('refuses a meeting without quorum: 422 BRANCH_MEETING_NO_QUORUM, nothing written', async () => {
      const before = await stepsOf('mb-li');
      const reply = await step('mb-li', {
        step: 'branch_vote',
        on: '2024-10-15',
        eligibleVoters: 12,
        present: 6,
        yesVotes: 6,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('BRANCH_MEETING_NO_QUORUM');
      expect(await stepsOf('mb-li')).toEqual(before);
    });

    const failedVote = {
      step: 'branch_vote',
      on: '2024-10-15',
      eligibleVoters: 12,
      present: 10,
      yesVotes: 6,
      noVotes: 4,
      abstentions: 2,
    };
    const failedVoteKey = { 'idempotency-key': 'mb-li-branch-vote-1' };
    let failedAnswer: Reply<Answer>;

    it('records a failed vote (the member stays a development target), a second vote passes later', async () => {
      failedAnswer = await operator.post<Answer>('/members/mb-li/steps', failedVote, failedVoteKey);
      expect(failedAnswer.status).toBe(201);
      const [failedEvent] = (await api.store.readStream('member-mb-li')).slice(-1);
      expect(failedEvent).toMatchObject({
        type: 'BranchVoteFailed',
        data: { passed: false, yesVotes: 6, present: 10 },
      });
      const between = await admin.get<Member>('/members/mb-li');
      expect(between.body.stage).toBe('development_target');
      expect(between.body.history.at(-1)).toEqual({
        step: 'branch_vote',
        on: '2024-10-15',
        passed: false,
      });
      const passed = await step('mb-li', {
        step: 'branch_vote',
        on: '2024-10-22',
        eligibleVoters: 12,
        present: 11,
        yesVotes: 10,
        noVotes: 1,
      });
      expect(passed.status).toBe(201);
      const [passedEvent] = (await api.store.readStream('member-mb-li')).slice(-1);
      expect(passedEvent).toMatchObject({
        type: 'BranchVoteHeld',
        data: { passed: true, probationEndsOn },
      });
      expect(passed.body).toEqual({
        id: 'mb-li',
        streamId: 'member-mb-li',
        revision: passedEvent.revision,
        position: passedEvent.position,
        eventIds: [passedEvent.eventId],
        passed: true,
        eligibleVoters: 12,
        present: 11,
        yesVotes: 10,
        noVotes: 1,
        abstentions: 0,
      });
      expect(passed.headers.get('etag')).toBe(`"${passedEvent.revision}"`);
      const after = await admin.get<Member>('/members/mb-li');
      expect(after.body.history.slice(-2)).toEqual([
        { step: 'branch_vote', on: '2024-10-15', passed: false },
        { step: 'branch_vote', on: '2024-10-22', passed: true },
      ]);
    });

    it('answers a failed vote 201 with passed: false and the tallies recorded, the same on a replay of its Idempotency-Key', async () => {
      const events = await api.store.readStream('member-mb-li');
      const failedEvent = events.find((e) => e.type === 'BranchVoteFailed')!;
      expect(failedAnswer.body).toEqual({
        id: 'mb-li',
        streamId: 'member-mb-li',
        revision: failedEvent.revision,
        position: failedEvent.position,
        eventIds: [failedEvent.eventId],
        passed: false,
        eligibleVoters: 12,
        present: 10,
        yesVotes: 6,
        noVotes: 4,
        abstentions: 2,
      });
      expect(failedAnswer.headers.get('etag')).toBe(`"${failedEvent.revision}"`);
      // After the vote that passed: the replay answers from what the first use recorded.
      const replay = await operator.post<Answer>('/members/mb-li/steps', failedVote, failedVoteKey);
      expect(replay.status).toBe(failedAnswer.status);
      expect(replay.body).toEqual(failedAnswer.body);
      expect(replay.headers.get('etag')).toBe(failedAnswer.headers.get('etag'));
      expect(await api.store.readStream('member-mb-li')).toHaveLength(events.length);
    });

    it('refuses the approval without the 谈话, and by a committee without authority over the branch', async () => {
      const early = await step('mb-li', {
        step: 'approve_admission',
        on: '2024-11-01',
        by: 'mb-town',
      });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('APPROVAL_CONVERSATION_REQUIRED');
      await ok('mb-li', {
        step: 'approval_conversation',
        on: '2024-11-01',
        by: '镇党委组织委员 刘明',
      });
      const foreign = await step('mb-li', {
        step: 'approve_admission',
        on: '2024-11-15',
        by: 'mb-town2',
      });
      expect(foreign.status).toBe(422);
      expect(foreign.body).toMatchObject({
        code: 'APPROVAL_AUTHORITY_INVALID',
        details: { by: 'mb-town2', authorizedCommitteeId: 'mb-town' },
      });
    });

    it('approves by the township committee, takes the oath: probationary for one year from the vote', async () => {
      await ok('mb-li', { step: 'approve_admission', on: '2024-11-15', by: 'mb-town' });
      await ok('mb-li', { step: 'oath', on: '2024-11-20' });
      const view = await admin.get<Member>('/members/mb-li');
      expect(view.body.stage).toBe('probationary');
      expect(view.body.obligations).toEqual([
        { kind: 'apply_full_membership', dueOn: probationEndsOn, overdue: true },
      ]);
    });

    it('转正 through its procedure: no vote before the application or before probation ends', async () => {
      const noApplication = await step('mb-li', {
        step: 'full_membership_vote',
        on: '2025-10-24',
        eligibleVoters: 12,
        present: 11,
        yesVotes: 11,
      });
      expect(noApplication.status).toBe(422);
      expect(noApplication.body.code).toBe('FULL_MEMBERSHIP_APPLICATION_REQUIRED');
      await ok('mb-li', { step: 'apply_full_membership', on: '2025-10-10' });
      const early = await step('mb-li', {
        step: 'full_membership_vote',
        on: '2025-10-21',
        eligibleVoters: 12,
        present: 11,
        yesVotes: 11,
      });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('PROBATION_NOT_COMPLETED');
      const failed = await step('mb-li', {
        step: 'full_membership_vote',
        on: '2025-10-23',
        eligibleVoters: 12,
        present: 11,
        yesVotes: 5,
        noVotes: 6,
      });
      expect(failed.status).toBe(201);
      expect(failed.body).toMatchObject({
        streamId: 'member-mb-li',
        eventIds: [expect.any(String)],
        passed: false,
        eligibleVoters: 12,
        present: 11,
        yesVotes: 5,
      });
      const passed = await step('mb-li', {
        step: 'full_membership_vote',
        on: '2025-10-24',
        eligibleVoters: 12,
        present: 11,
        yesVotes: 11,
      });
      expect(passed.status).toBe(201);
      expect(passed.body).toMatchObject({ passed: true, yesVotes: 11, present: 11 });
      const foreign = await step('mb-li', {
        step: 'approve_full_membership',
        on: '2025-11-20',
        by: 'mb-town2',
      });
      expect(foreign.status).toBe(422);
      expect(foreign.body.code).toBe('APPROVAL_AUTHORITY_INVALID');
      await ok('mb-li', { step: 'approve_full_membership', on: '2025-11-20', by: 'mb-town' });
      const view = await admin.get<Member>('/members/mb-li');
      expect(view.body.stage).toBe('full_member');
      expect(view.body.obligations).toEqual([]);
      expect(view.body.history.map((h) => h.step)).toEqual([
        'apply',
        'interview',
        'designate_activist',
        'assign_contacts',
        'record_filing',
        'review_activist',
        'review_activist',
        'designate_target',
        'assign_sponsors',
        'record_filing',
        'political_review',
        'training',
        'training',
        'pre_review',
        'public_notice',
        'branch_vote',
        'branch_vote',
        'approval_conversation',
        'approve_admission',
        'oath',
        'apply_full_membership',
        'full_membership_vote',
        'full_membership_vote',
        'approve_full_membership',
      ]);
      expect(
        view.body.history
          .filter((h) => h.step.endsWith('vote'))
          .map(({ on, passed }) => ({ on, passed })),
      ).toEqual([
        { on: '2024-10-15', passed: false },
        { on: '2024-10-22', passed: true },
        { on: '2025-10-23', passed: false },
        { on: '2025-10-24', passed: true },
      ]);
      expect((await api.store.readStream('member-mb-li')).at(-1)).toMatchObject({
        type: 'FullMembershipApproved',
        data: { by: 'mb-town', voteOn: '2025-10-24', fullMemberSince: probationEndsOn },
      });
    });

    it('shows personal data in clear to admins and operators, masked to inspectors', async () => {
      for (const key of [admin, operator]) {
        const view = await key.get<Member>('/members/mb-li');
        expect(view.body.person).toMatchObject({ name: '李梅', idNumber: ID_NUMBER, phone: PHONE });
      }
      const masked = await inspector.get<Member>('/members/mb-li');
      expect(masked.status).toBe(200);
      expect(masked.body.person).toMatchObject({
        name: '李梅',
        idNumber: '1****************4',
        phone: '138****5678',
      });
      expect(JSON.stringify(masked.body)).not.toContain(ID_NUMBER);
    });
  });

  describe('transfer, dual cultivation and refusals', () => {
    it('cultivation time carries over a transfer; target still needs a full year', async () => {
      const appliedOn = addMonths(TODAY, -8);
      const activistOn = addMonths(TODAY, -6);
      expect(
        (
          await operator.post('/members', {
            id: 'mb-wang',
            organizationId: 'mb-v1',
            appliedOn,
            person: { ...person, name: '王磊', idNumber: undefined, phone: undefined },
          })
        ).status,
      ).toBe(201);
      await ok('mb-wang', { step: 'interview', on: addDays(appliedOn, 10) });
      await ok('mb-wang', {
        step: 'designate_activist',
        on: activistOn,
        method: 'mass_org_recommendation',
        resolutionRef: '支委会',
      });
      const unknownTarget = await step('mb-wang', {
        step: 'transfer',
        on: addMonths(TODAY, -1),
        toOrganizationId: 'mb-nowhere',
      });
      expect(unknownTarget.status).toBe(404);
      await ok('mb-wang', {
        step: 'transfer',
        on: addMonths(TODAY, -1),
        toOrganizationId: 'mb-v2',
      });
      const tooEarly = await step('mb-wang', { step: 'designate_target', resolutionRef: '支委会' });
      expect(tooEarly.status).toBe(422);
      expect(tooEarly.body).toMatchObject({
        code: 'ACTIVIST_PERIOD_TOO_SHORT',
        details: { activistSince: activistOn },
      });
      const view = await admin.get<Member>('/members/mb-wang');
      expect(view.body).toMatchObject({ organizationId: 'mb-v2', stage: 'activist' });
      expect(view.body.person).not.toHaveProperty('idNumber');
    });

    it('a migrant worker is cultivated by a lead and a partner organization', async () => {
      const reply = await operator.post('/members', {
        id: 'mb-zhao',
        organizationId: 'mb-v1',
        partnerOrganizationId: 'mb-v9',
        appliedOn: addMonths(TODAY, -1),
        person: { ...person, name: '赵刚', phone: '13900001111', migrantWorker: true },
      });
      expect(reply.status).toBe(201);
      const view = await operator.get<Member>('/members/mb-zhao');
      expect(view.body).toMatchObject({
        partnerOrganizationId: 'mb-v9',
        dualCultivation: true,
      });
      // The partner organization finds the members it cultivates.
      const cultivated = await admin.get<{ items: Member[] }>(
        '/members?partnerOrganizationId=mb-v9',
      );
      expect(cultivated.body.items.map((m) => m.id)).toEqual(['mb-zhao']);
    });

    it('an unknown organization or member: 404', async () => {
      const reply = await operator.post('/members', {
        organizationId: 'mb-unknown',
        appliedOn: TODAY,
        person,
      });
      expect(reply.status).toBe(404);
      expect(reply.body.code).toBe('ORGANIZATION_NOT_FOUND');
      const partner = await operator.post('/members', {
        organizationId: 'mb-v1',
        partnerOrganizationId: 'mb-unknown',
        appliedOn: TODAY,
        person,
      });
      expect(partner.status).toBe(404);
      expect((await admin.get('/members/mb-nobody')).status).toBe(404);
      const stepReply = await step('mb-nobody', { step: 'interview' });
      expect(stepReply.status).toBe(404);
      expect(stepReply.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('an operator outside the township: 403 to apply, to record steps and to read', async () => {
      const refused = await operator.post('/members', {
        id: 'mb-t09',
        organizationId: 'mb-v9',
        appliedOn: TODAY,
        person,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('OUT_OF_SCOPE');
      expect(await api.store.readStream('member-mb-t09')).toEqual([]);
      expect(
        (
          await admin.post('/members', {
            id: 'mb-t09',
            organizationId: 'mb-v9',
            appliedOn: TODAY,
            person,
          })
        ).status,
      ).toBe(201);
      expect((await step('mb-t09', { step: 'interview' })).status).toBe(403);
      expect((await operator.get('/members/mb-t09')).status).toBe(403);
      expect((await inspector.get('/members/mb-t09')).status).toBe(200);
      expect((await step('mb-t09', { step: 'interview' }, inspector)).status).toBe(403);
    });

    it('step fields are validated per step: 400 listing each field', async () => {
      const missing = await step('mb-wang', {
        step: 'branch_vote',
        eligibleVoters: 'ten',
      });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toEqual(['eligibleVoters', 'present', 'yesVotes']);

      const foreign = await step('mb-wang', {
        step: 'interview',
        yesVotes: 3,
        sponsors: ['a', 'b'],
        surprise: true,
      });
      expect(foreign.status).toBe(400);
      expect(fieldsOf(foreign)).toEqual(['sponsors', 'surprise', 'yesVotes']);

      const notice = await step('mb-wang', { step: 'public_notice', on: TODAY });
      expect(notice.status).toBe(400);
      expect(fieldsOf(notice)).toEqual(['from', 'on', 'to']);

      const training = await step('mb-wang', { step: 'training' });
      expect(training.status).toBe(400);
      expect(JSON.stringify(training.body)).toContain('training needs days or hours');
      expect(fieldsOf(training)).toEqual(['days', 'organizer']);

      const approval = await step('mb-wang', { step: 'approve_full_membership' });
      expect(approval.status).toBe(400);
      expect(fieldsOf(approval)).toEqual(['by']);

      const filing = await step('mb-wang', { step: 'record_filing', of: 'applicant', by: 'x' });
      expect(filing.status).toBe(400);
      expect(fieldsOf(filing)).toEqual(['of']);

      const spoofed = await step('mb-wang', {
        step: 'approve_admission',
        by: 'mb-town',
        authorizedCommitteeId: 'mb-town',
      });
      expect(spoofed.status).toBe(400);
      expect(fieldsOf(spoofed)).toEqual(['authorizedCommitteeId']);

      const unknownStep = await step('mb-wang', { step: 'promote', on: TODAY });
      expect(unknownStep.status).toBe(400);

      const badPerson = await operator.post<{ errors: { field: string }[] }>('/members', {
        organizationId: 'mb-v1',
        appliedOn: TODAY,
        person: { ...person, idNumber: '12345', phone: 'call me', nickname: 'x' },
      });
      expect(badPerson.status).toBe(400);
      expect([...new Set(badPerson.body.errors.map((e) => e.field))].sort()).toEqual([
        'person.idNumber',
        'person.nickname',
        'person.phone',
      ]);
      expect(JSON.stringify(badPerson.body)).not.toContain('12345');
    });
  });

  describe('the OpenAPI document', () => {
    it('lists the new steps and their fields', async () => {
      const reply = await fetch(`${api.url}/docs-json`);
      const document = (await reply.json()) as {
        components: {
          schemas: Record<string, { properties: Record<string, { enum?: string[] }> }>;
        };
      };
      const { properties } = document.components.schemas.RecordStepRequestDto;
      expect(properties.step.enum).toEqual(
        expect.arrayContaining([
          'approval_conversation',
          'record_filing',
          'apply_full_membership',
          'full_membership_vote',
          'approve_full_membership',
          'approve_probation_extension',
        ]),
      );
      expect(Object.keys(properties)).toEqual(
        expect.arrayContaining(['present', 'organizer', 'delayReason', 'of', 'by']),
      );
      expect(properties.of.enum).toEqual(['activist', 'development_target']);
    });

    it('documents the result a vote step answers', async () => {
      const reply = await fetch(`${api.url}/docs-json`);
      const document = (await reply.json()) as {
        paths: Record<
          string,
          { post: { responses: Record<string, { content: Record<string, { schema: any }> }> } } // eslint-disable-line @typescript-eslint/no-explicit-any
        >;
      };
      const created = document.paths['/api/v1/members/{id}/steps'].post.responses['201'];
      const { schema } = created.content['application/json'];
      expect(schema.required).toEqual(['id', 'streamId', 'revision', 'position', 'eventIds']);
      expect(Object.keys(schema.properties)).toEqual(
        expect.arrayContaining(['passed', 'eligibleVoters', 'present', 'yesVotes']),
      );
      expect(schema.properties.passed.type).toBe('boolean');
    });
  });

  describe('personal data at rest', () => {
    it('no event of the whole log holds a clear identity number or phone', async () => {
      const log = JSON.stringify(await api.store.readAll());
      expect(log).toContain('pd2:');
      for (const clear of [ID_NUMBER, PHONE, '13900001111', '19950315', '38123456']) {
        expect(log).not.toContain(clear);
      }
    });
  });
});
