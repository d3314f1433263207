import { describe, expect, it } from 'vitest';
import { normaliseProfile, type CandidateProfile } from '../../../../main/batch/ingest';

function profileOf(value: unknown): CandidateProfile {
  const result = normaliseProfile(value);
  if (!result.ok) throw new Error(result.message);
  return result.profile;
}

describe('normaliseProfile', () => {
  it('unwraps an Aris record with a LinkedIn-like gemData profile and keeps the rest in extra', () => {
    const profile = profileOf({
      id: 'aris-17',
      createdAt: '2025-10-01',
      gemData: {
        first_name: 'Ann',
        last_name: 'Lee',
        headline: 'Data Engineer at Acme',
        location: null,
        linkedin_url: 'https://linkedin.example/ann',
        positions: [
          { title: 'Data Engineer', companyName: 'Acme', startDate: { year: 2021, month: 4 }, endDate: null, description: 'Pipelines.', location: 'Berlin' },
          { title: 'Analyst', companyName: 'Globex', startDate: { year: 2018, month: 1 }, endDate: { year: 2021, month: 3 }, description: null },
        ],
        education: [{ schoolName: 'TU Munich', degree: 'MSc', fieldOfStudy: 'Informatics', startDate: { year: 2016 }, endDate: { year: 2018 } }],
        skills: ['Python', 'SQL', 'python'],
      },
      swarmData: { emails: [{ address: 'ann@example.com' }] },
      cvData: null,
    });
    expect(profile).toEqual({
      sourceId: 'aris-17',
      name: 'Ann Lee',
      headline: 'Data Engineer at Acme',
      currentTitle: 'Data Engineer',
      currentCompany: 'Acme',
      location: null,
      experience: [
        { title: 'Data Engineer', company: 'Acme', start: '2021-04', end: null, description: 'Pipelines.' },
        { title: 'Analyst', company: 'Globex', start: '2018-01', end: '2021-03', description: null },
      ],
      education: [{ degree: 'MSc', school: 'TU Munich', field: 'Informatics', start: '2016', end: '2018' }],
      skills: ['Python', 'SQL'],
      extra: { createdAt: '2025-10-01', swarmData: { emails: [{ address: 'ann@example.com' }] }, cvData: null, gemData: { linkedin_url: 'https://linkedin.example/ann' } },
    });
  });

  it('reads the other wrappers and lets outer fields win', () => {
    expect(profileOf({ profile: { name: 'Inner', title: 'Chef' }, name: 'Outer' })).toMatchObject({ name: 'Outer', currentTitle: 'Chef', extra: { profile: { name: 'Inner' } } });
    expect(profileOf({ data: { candidate: { full_name: 'Deep Wrapped' } } }).name).toBe('Deep Wrapped');
  });

  it('reads flat snake_case and camelCase exports', () => {
    const snake = profileOf({
      candidate_id: 42,
      full_name: ' Bo Kim ',
      current_title: 'Chef',
      current_company: 'Bistro',
      work_history: [{ title: 'Chef', company: 'Bistro', start_date: '2020-05', end_date: 'Present', is_current: true }],
      education: [{ degree: 'BA', school: 'Leeds', field_of_study: 'History', start_year: 2012, end_year: 2015 }],
      skills: 'cooking, menus;  ,costing',
    });
    expect(snake).toMatchObject({ sourceId: '42', name: 'Bo Kim', currentCompany: 'Bistro', skills: ['cooking', 'menus', 'costing'] });
    expect(snake.experience).toEqual([{ title: 'Chef', company: 'Bistro', start: '2020-05', end: null, description: null }]);
    expect(snake.education).toEqual([{ degree: 'BA', school: 'Leeds', field: 'History', start: '2012', end: '2015' }]);

    const camel = profileOf({
      firstName: 'Cy',
      lastName: 'Ng',
      position: 'Designer',
      employer: { name: 'Studio' },
      city: 'Lagos',
      country: 'Nigeria',
      jobs: [{ role: 'Designer', organization: { name: 'Studio' }, from: 'Mar 2019', to: 'Present', summary: 'Brand work' }],
      schools: [{ institution: 'University of Lagos', qualification: 'BSc', major: 'Art', graduationYear: 2018 }],
      skills: [{ name: 'Figma' }, { skill: 'Illustration' }],
    });
    expect(camel).toMatchObject({ name: 'Cy Ng', currentTitle: 'Designer', currentCompany: 'Studio', location: 'Lagos, Nigeria', skills: ['Figma', 'Illustration'] });
    expect(camel.experience).toEqual([{ title: 'Designer', company: 'Studio', start: '2019-03', end: null, description: 'Brand work' }]);
    expect(camel.education).toEqual([{ degree: 'BSc', school: 'University of Lagos', field: 'Art', start: null, end: '2018' }]);
  });

  it('understands the date forms exports use', () => {
    const dates = [2019, '2019', '2019-03', '2019/3', '03/2019', 'Mar 2019', 'March 2019', '2019-03-15T00:00:00Z', { year: 2019, month: 3 }, { year: 2019 }, 'spring-ish'];
    const profile = profileOf({ name: 'D', experience: dates.map((start) => ({ title: 'T', start })) });
    expect(profile.experience.map((entry) => entry.start)).toEqual(['2019', '2019', '2019-03', '2019-03', '2019-03', '2019-03', '2019-03', '2019-03', '2019-03', '2019', 'spring-ish']);
    const periods = profileOf({ name: 'P', positions: { values: [{ title: 'A', timePeriod: { startDate: { year: 2010, month: 2 }, endDate: { year: 2012 } } }, { title: 'B', dates: 'Jan 2013 – Present' }] } });
    expect(periods.experience.map(({ start, end }) => [start, end])).toEqual([
      ['2010-02', '2012'],
      ['2013-01', null],
    ]);
    expect(periods.currentTitle).toBe('B');
  });

  it('treats nulls and placeholder text as missing', () => {
    const profile = profileOf({ name: 'N', headline: 'N/A', location: { city: null, country: 'Kenya' }, experience: null, education: [null, {}, { school: '  ' }], skills: null });
    expect(profile).toMatchObject({ headline: null, location: 'Kenya', experience: [], education: [], skills: [] });
  });

  it('refuses records with nothing to evaluate, and things that are not objects', () => {
    expect(normaliseProfile({ id: 'x', notes: 'imported', gemData: { skills: ['Excel'] } })).toMatchObject({ ok: false, code: 'no-profile-data' });
    expect(normaliseProfile(['a'])).toMatchObject({ ok: false, code: 'not-an-object' });
    expect(normaliseProfile('Ann Lee')).toMatchObject({ ok: false, code: 'not-an-object' });
    expect(normaliseProfile(null)).toMatchObject({ ok: false, code: 'not-an-object' });
  });
});
