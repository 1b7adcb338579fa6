import type { AgencyKind } from '../schema/index.js';
import { compact } from '../text/index.js';

/** An agency name ending in one of these is an agency of a government (教育厅, 交通运输局, 科学技术委员会 …). */
const DEPARTMENT = /(?:厅|局|委|委员会|办|办公室|办公厅|中心|院|署|所|站|队|部|处|馆|社|会|行|公司|集团)$/;
const GOVERNMENT = /(?:人民政府|管理委员会|管委会|街道办事处)$/;
/** Art. 49 names governments of counties and above: a township's deadline is its province's rule. */
const TOWNSHIP = /(?:乡|镇|街道)(?:人民政府|办事处)?$/;
/** A place named alone (平潭综合实验区, 示例县): the report of its government. */
const PLACE = /^[\u4e00-\u9fa5]{2,20}(?:省|市|自治区|自治州|州|盟|地区|县|自治县|旗|区|实验区|新区|开发区|乡|镇)$/;

export function agencyToKind(agency: string | null): AgencyKind {
  if (agency === null) return 'unknown';
  const name = compact(agency);
  if (GOVERNMENT.test(name)) return 'government';
  // 管理委员会 is tried first: it ends in 委员会 too.
  if (DEPARTMENT.test(name)) return 'department';
  return PLACE.test(name) ? 'government' : 'unknown';
}

/** Whether Art. 49's deadlines apply: not to a township (乡, 镇, 街道). */
export function isTownship(agency: string | null): boolean {
  return agency !== null && TOWNSHIP.test(compact(agency));
}

/**
 * 条例 (2019) Art. 49: a department's report by 31 January, a government's (compiled by its
 * office) by 31 March, of the year after the report year. Townships are not named there.
 */
export function publicationDeadline(year: number | null, kind: AgencyKind, agency: string | null): string | null {
  if (year === null || kind === 'unknown' || isTownship(agency)) return null;
  return `${year + 1}-${kind === 'department' ? '01-31' : '03-31'}`;
}

export function publishedOnTime(publishedOn: string | null, deadline: string | null): boolean | null {
  return publishedOn === null || deadline === null ? null : publishedOn <= deadline;
}
