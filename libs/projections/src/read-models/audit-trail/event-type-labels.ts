import type {
  AllocationEvent,
  BudgetEvent,
  MemberEvent,
  OrganizationEvent,
  PairingEvent,
  ProjectEvent,
  EvaluationRunEvent,
  RatingEvent,
  RuleSetEvent,
} from '@gongjian/domain';

export type DomainEventType =
  | OrganizationEvent['type']
  | PairingEvent['type']
  | ProjectEvent['type']
  | BudgetEvent['type']
  | AllocationEvent['type']
  | MemberEvent['type']
  | RatingEvent['type']
  | RuleSetEvent['type']
  | EvaluationRunEvent['type'];

/** The Chinese label inspectors read for every event type of the domain (the type checks that none is missing). */
export const EVENT_TYPE_LABELS: Readonly<Record<DomainEventType, string>> = {
  OrganizationRegistered: '党组织登记',
  VillageCategoriesSet: '村类别认定',
  CollectiveIncomeRecorded: '村集体经济收入登记',
  MemberCountRecorded: '党员人数登记',
  FirstSecretaryAssigned: '选派第一书记',
  FirstSecretaryEnded: '第一书记任期结束',
  ResidentWorkTeamAssigned: '选派驻村工作队',
  ResidentWorkTeamEnded: '驻村工作队撤回',
  PartyBuildingInstructorAssigned: '选派党建指导员',
  PartyBuildingInstructorEnded: '党建指导员任期结束',
  OrganizationDeactivated: '党组织撤销',
  PairingLinked: '结对关系登记（村）',
  PairingLinkRenewed: '结对关系续签（村）',
  PairingUnlinked: '结对关系解除（村）',
  PairingLinkRestored: '结对关系恢复（村，数据修复）',
  OrphanPairingLinkRemoved: '无效结对关系清除（村，数据修复）',
  BranchPaired: '结对共建',
  ActivityLogged: '共建活动登记',
  PairingDissolved: '结对解除',
  PairingRenewed: '结对续签',
  CommitmentDelivered: '共建承诺兑现',
  ProjectLaunched: '共建项目立项',
  InvestmentRecorded: '项目投资登记',
  ProjectFundingRecorded: '项目资金争取/到位登记',
  ProjectOutputRecorded: '项目建设成果登记',
  ProjectCompleted: '项目竣工',
  BudgetOpened: '经费预算设立',
  BudgetIncreased: '经费预算追加',
  BudgetReduced: '经费预算调减',
  AllocationReserved: '预算额度占用',
  AllocationReleased: '预算额度释放',
  AllocationOpened: '经费分配',
  DisbursementRecorded: '经费拨付',
  ExpenditureRecorded: '经费支出（报账）',
  AllocationReduced: '经费核减',
  AllocationCancelled: '经费分配撤销',
  MembershipApplied: '递交入党申请',
  ApplicantInterviewed: '入党申请人谈话',
  ActivistDesignated: '确定入党积极分子',
  CultivationContactsAssigned: '指定培养联系人',
  ActivistReviewed: '入党积极分子考察',
  DevelopmentTargetDesignated: '确定发展对象',
  SponsorsAssigned: '确定入党介绍人',
  PoliticalReviewCompleted: '政治审查',
  MembershipRejected: '政治审查未通过',
  TrainingCompleted: '集中培训',
  PreReviewCompleted: '上级党委预审',
  PublicNoticePosted: '发展公示',
  BranchVoteHeld: '支部大会讨论表决',
  AdmissionApproved: '上级党委审批',
  OathTaken: '入党宣誓',
  FullMembershipGranted: '预备党员转正',
  ProbationExtended: '延长预备期',
  ProbationCancelled: '取消预备党员资格',
  MembershipWithdrawn: '终止发展',
  MemberTransferred: '组织关系转接',
  OrphanReservationReleased: '无效预留资金释放（数据修复）',
  MissingReleaseRecorded: '补记资金释放（数据修复）',
  BranchVoteFailed: '支部大会表决未通过',
  ApprovalConversationHeld: '审批前谈话',
  FilingRecorded: '报上级党委备案',
  FullMembershipApplied: '提交转正申请',
  FullMembershipVoteHeld: '支部大会讨论转正',
  FullMembershipVoteFailed: '转正表决未通过',
  FullMembershipApproved: '上级党委审批转正',
  ProbationExtensionApproved: '上级党委审批延长预备期',
  AppraisalScoreRecorded: '民主评议得分登记',
  VetoRecorded: '一票否决登记',
  BranchRated: '星级评定结果（公示中）',
  RatingObjectionRecorded: '星级评定异议登记',
  RatingFinalized: '星级评定结果确定',
  RatingRevoked: '摘星',
  RuleSetPublished: '星级评定规则发布',
  EvaluationRequested: '星级评定启动',
  EvaluationCompleted: '星级评定完成',
  EvaluationFailed: '星级评定失败',
};

/** Events the audit itself writes (libs/audit): signed checkpoints and inspectors' reads. */
export const AUDIT_EVENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  AuditCheckpointSigned: '审计检查点签署',
  InspectorAccessRecorded: '审计查阅记录',
};

/** Events neither the domain nor the audit defines keep their code name as the label. */
export function typeLabelOf(type: string): string {
  return (
    (EVENT_TYPE_LABELS as Readonly<Record<string, string>>)[type] ??
    AUDIT_EVENT_TYPE_LABELS[type] ??
    type
  );
}
