import { fundsError } from './funds.errors';
import { FundPurpose, FundSource } from './funds.types';

/**
 * Purposes that 党费 (party_dues) may fund. Configuration-like: change it here, in one place.
 *
 * Source: 关于中国共产党党费收缴、使用和管理的规定 (中组发〔2008〕3号) and the 中组部 rules on
 * 下拨党费. Party dues are used mainly for the education of Party members and grassroots Party
 * activities: 培训党员 (→ training); 订阅或购买党报党刊、党员教育材料和设备, 表彰先进基层党组织和
 * 优秀党员 (→ activity_funds); 补助生活困难党员, 慰问老党员, 补助受灾党员 (→ hardship_support);
 * 修缮、建设基层党员教育活动场所, in part and only as 下拨党费 (→ service_center).
 * They may not pay for operating costs (运转经费), general benefit schemes or economic projects.
 */
export const PARTY_DUES_PERMITTED_PURPOSES: readonly FundPurpose[] = [
  'training',
  'hardship_support',
  'activity_funds',
  'service_center',
];

export function isPurposePermittedForSource(source: FundSource, purpose: FundPurpose): boolean {
  return source !== 'party_dues' || PARTY_DUES_PERMITTED_PURPOSES.includes(purpose);
}

export function assertPurposePermitted(source: FundSource, purpose: FundPurpose): void {
  if (!isPurposePermittedForSource(source, purpose)) {
    throw fundsError('PARTY_DUES_PURPOSE_NOT_PERMITTED', `party dues may not fund ${purpose}`, {
      source,
      purpose,
      permittedPurposes: [...PARTY_DUES_PERMITTED_PURPOSES],
    });
  }
}
