/**
 * How employers shorten job titles, spelled out the way O*NET titles say it. Applied to titles
 * (the request's and the catalogue's alike), never to free description text, where "it" or "pa"
 * are ordinary words.
 */
export const titleAbbreviations: Readonly<Record<string, string>> = {
  sr: 'senior', snr: 'senior', jr: 'junior', jnr: 'junior',
  mgr: 'manager', mngr: 'manager', mgmt: 'management', mgt: 'management',
  eng: 'engineer', engr: 'engineer', engg: 'engineering',
  swe: 'software engineer', sde: 'software development engineer', sdet: 'software quality assurance engineer',
  dev: 'developer', devs: 'developers', devops: 'devops development operations',
  sre: 'site reliability engineer', dba: 'database administrator', sysadmin: 'systems administrator',
  qa: 'quality assurance', qc: 'quality control', qe: 'quality engineer',
  ux: 'user experience', ui: 'user interface', ml: 'machine learning', ai: 'artificial intelligence',
  it: 'information technology', sw: 'software', hw: 'hardware',
  pm: 'manager', pmo: 'project management office', ba: 'business analyst',
  hr: 'human resources', hrbp: 'human resources business partner',
  rn: 'registered nurse', lpn: 'licensed practical nurse', lvn: 'licensed vocational nurse',
  cna: 'certified nursing assistant', np: 'nurse practitioner', aprn: 'advanced practice registered nurse',
  crna: 'certified registered nurse anesthetist', pa: 'physician assistant', 'pa-c': 'physician assistant',
  md: 'physician', pta: 'physical therapist assistant',
  ot: 'occupational therapist', slp: 'speech language pathologist', rt: 'respiratory therapist',
  emt: 'emergency medical technician', cma: 'certified medical assistant',
  icu: 'intensive care unit', er: 'emergency room',
  cpa: 'certified public accountant', acct: 'accountant', accts: 'accounts', ap: 'accounts payable', ar: 'accounts receivable',
  fpa: 'financial planning analysis', cfo: 'chief financial officer', ceo: 'chief executive officer',
  coo: 'chief operating officer', cto: 'chief technology officer', cio: 'chief information officer',
  cmo: 'chief marketing officer', vp: 'vice president', svp: 'senior vice president', evp: 'executive vice president',
  avp: 'assistant vice president', dir: 'director', gm: 'general manager',
  asst: 'assistant', assoc: 'associate', admin: 'administrative', adm: 'administrative', exec: 'executive',
  coord: 'coordinator', spec: 'specialist', rep: 'representative', reps: 'representatives',
  tech: 'technician', techs: 'technicians', supv: 'supervisor', supvr: 'supervisor', sup: 'supervisor',
  maint: 'maintenance', mech: 'mechanic', elec: 'electrical', mfg: 'manufacturing', ops: 'operations',
  mktg: 'marketing', mkt: 'marketing', seo: 'search engine optimization', sem: 'search engine marketing',
  pr: 'public relations', csr: 'customer service representative',
  bdr: 'business development representative', sdr: 'sales development representative', ae: 'account executive',
  cdl: 'commercial driver license truck driver', otr: 'over the road', hvac: 'hvac heating air conditioning',
  cnc: 'cnc computer numerically controlled', fe: 'front end', frontend: 'front end', backend: 'back end',
  fullstack: 'full stack', k12: 'kindergarten through secondary',
};

/** Words about seniority, contract or schedule: they say nothing about which job it is. */
export const seniorityWords: ReadonlySet<string> = new Set([
  'senior', 'junior', 'principal', 'staff', 'entry', 'level', 'mid', 'experienced', 'trainee',
  'i', 'ii', 'iii', 'iv', 'v', '1', '2', '3', '4', '5',
]);

export const fillerWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'to', 'in', 'on', 'at', 'with', 'our', 'we', 'you', 'your',
  'remote', 'hybrid', 'onsite', 'temporary', 'temp', 'contract', 'contractor', 'seasonal', 'nights',
  'night', 'days', 'day', 'weekend', 'weekends', 'shift', 'team', 'fulltime', 'parttime', 'perm',
  'permanent', 'immediate', 'start', 'hiring', 'needed', 'wanted', 'urgent', 'new', 'grad', 'opening',
]);

/** Shorthands with symbols, rewritten before punctuation is dropped. */
export const symbolPhrases: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bfp\s*&\s*a\b/g, ' financial planning analysis '],
  [/\bl\s*&\s*d\b/g, ' learning development '],
  [/\br\s*&\s*d\b/g, ' research development '],
  [/\bp\s*&\s*l\b/g, ' profit loss '],
  [/\bh\s*&\s*s\b/g, ' health safety '],
  [/\ba\s*\/\s*p\b/g, ' accounts payable '],
  [/\ba\s*\/\s*r\b/g, ' accounts receivable '],
  [/\bc\+\+/g, ' cplusplus '],
  [/\bc#/g, ' csharp '],
  [/\.net\b/g, ' dotnet '],
  [/\b(full|part)[\s-]+time\b/g, ' '],
  [/\bper\s+diem\b/g, ' '],
  [/\be-?commerce\b/g, ' ecommerce '],
  [/\bfront[\s-]+end\b/g, ' front end '],
  [/\bback[\s-]+end\b/g, ' back end '],
  [/\bfull[\s-]+stack\b/g, ' full stack '],
];

const abbreviationMap = new Map(Object.entries(titleAbbreviations));
/** The spelled-out form of a title word, or undefined (a Map, so "constructor" is just a word). */
export const expandAbbreviation = (word: string): string | undefined => abbreviationMap.get(word);
