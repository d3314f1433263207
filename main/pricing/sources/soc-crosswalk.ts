/**
 * O*NET codes are 8 characters (15-1252.00); OEWS publishes wages by 6-digit SOC (15-1252).
 * OEWS also merges some SOC detailed occupations into one wage code of its own; those are listed
 * here from BLS's OEWS code list (the 12 OEWS codes that no O*NET code starts with).
 */
const oewsMerged: Record<string, string> = {
  '13-1021': '13-1020', '13-1022': '13-1020', '13-1023': '13-1020',
  '13-2022': '13-2020', '13-2023': '13-2020',
  '21-1011': '21-1018', '21-1014': '21-1018',
  '25-2055': '25-2052', '25-2056': '25-2052',
  '25-9042': '25-9045', '25-9043': '25-9045', '25-9049': '25-9045',
  '29-2011': '29-2010', '29-2012': '29-2010',
  '31-1121': '31-1120', '31-1122': '31-1120',
  '39-7011': '39-7010', '39-7012': '39-7010',
  '47-4091': '47-4090', '47-4099': '47-4090',
  '51-2022': '51-2028', '51-2023': '51-2028',
  '51-2092': '51-2090', '51-2099': '51-2090',
  '53-1042': '53-1047', '53-1043': '53-1047', '53-1044': '53-1047', '53-1049': '53-1047',
};

/** 15-1252.00 → 15-1252. */
export const socOf = (onetCode: string): string => onetCode.slice(0, 7);

/**
 * The OEWS code whose wages apply to an O*NET occupation, or null when OEWS has none (military
 * occupations, self-employed fishers and hunters): those stay matchable and say "no wage data".
 */
export function wageCodeOf(onetCode: string, oewsCodes: ReadonlySet<string>): string | null {
  const soc = socOf(onetCode);
  if (oewsCodes.has(soc)) return soc;
  const merged = oewsMerged[soc];
  return merged !== undefined && oewsCodes.has(merged) ? merged : null;
}
