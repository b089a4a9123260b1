import type { ActivityType } from '@gongjian/domain';
/** Chinese labels of the code names (GLOSSARY.md), for the printed and exported tables. */
export const SECTOR_LABELS: Record<string, string> = {
  organ: '机关',
  institution: '事业单位',
  enterprise: '企业',
  village: '农村',
  community: '社区',
  new_economic_social: '两新组织',
  school: '学校',
  hospital: '医院',
  township: '乡镇',
};

export const DEPARTMENT_KIND_LABELS: Record<string, string> = {
  party_mass: '党群部门',
  political_legal: '政法部门',
  economic: '经济部门',
  agriculture: '涉农部门',
  other: '其他部门',
};

export const VILLAGE_CATEGORY_LABELS: Record<string, string> = {
  weak_lax: '软弱涣散村',
  disorderly: '乱村',
  poor: '贫困村',
  industry_demo: '产业示范村',
  hollow_economy: '空壳村',
  dirty_environment: '环境脏乱村',
  old_revolutionary_base: '革命老区村',
};

export const FUND_SOURCE_LABELS: Record<string, string> = {
  county_finance: '县财政',
  org_dept_award: '组织部奖补',
  township_subsidy: '乡镇补助',
  village_self_raised: '村自筹',
  partner_unit: '共建单位',
  department_project: '部门项目资金',
  party_dues: '党费下拨',
};

export const FUND_PURPOSE_LABELS: Record<string, string> = {
  service_center: '党员群众服务中心建设',
  activity_funds: '党员活动经费',
  operating_funds: '村级组织运转经费',
  special_benefit: '党建专项惠民资金',
  project: '共建项目',
  training: '培训',
  hardship_support: '困难党员帮扶',
};

export const STANDARD_LABELS: Record<string, string> = {
  service_center_min: '服务中心建设不低于标准',
  operating_funds_min: '村级组织运转经费不低于标准',
  activity_funds_per_member: '党员活动经费按人数足额',
  special_benefit_min: '专项惠民资金不低于标准',
};

export const PROJECT_CATEGORY_LABELS: Record<string, string> = {
  economic_development: '经济发展类',
  infrastructure: '基础设施类',
};

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  guidance_day: '党建指导日',
  collective_activity_day: '集体活动日',
  joint_org_life: '组织生活会',
  fellowship: '联谊活动',
  training: '培训',
  visit: '走访慰问',
  joint_party_lecture: '联合党课（三会一课）',
  theme_party_day: '主题党日',
  volunteer_service: '志愿服务',
  symposium: '座谈',
  study_tour: '考察学习',
  on_site_meeting: '现场会',
};

/** The label of a code, or the code itself when it has none (never an empty cell). */
export const labelOf = (labels: Record<string, string>, code: string | undefined): string =>
  code === undefined ? '' : (labels[code] ?? code);
