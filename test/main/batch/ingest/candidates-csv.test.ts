import { describe, expect, it } from 'vitest';
import { readCsvHeaders, suggestCsvMapping, type CsvMapping } from '../../../../main/batch/ingest';
import { useTempDirs } from '../../../support/temp-dir';
import { collect, fileWith } from './collect';

const header = 'Candidate ID,First Name,Last Name,E-mail,Job Title,Employer,City,Country,Key Skills,Work History,Highest Degree,University,Major,Notes';

describe('CSV mapping suggestion', () => {
  it('maps common ATS headers and sends the rest to extra', () => {
    const mapping = suggestCsvMapping(header.split(','));
    expect(mapping.columns).toEqual({
      'Candidate ID': 'id',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'E-mail': 'email',
      'Job Title': 'title',
      Employer: 'company',
      City: 'location',
      Country: 'location',
      'Key Skills': 'skills',
      'Work History': 'experience',
      'Highest Degree': 'degree',
      University: 'school',
      Major: 'field',
      Notes: 'extra',
    });
  });

  it('gives a single-valued field to the first column only', () => {
    expect(suggestCsvMapping(['Name', 'Full Name', 'Title', 'Position']).columns).toEqual({ Name: 'name', 'Full Name': 'extra', Title: 'title', Position: 'extra' });
  });
});

describe('candidate CSV', () => {
  const tempDir = useTempDirs();

  it('reads rows under the suggested mapping, with the line each row starts on', async () => {
    const path = fileWith(tempDir(), 'ats.csv', [
      header,
      'c-1,Ann,Lee,ann@example.com,Data Engineer,Acme,Berlin,Germany,"Python, SQL; Spark",Data Engineer at Acme (2019-03 - Present),MSc,TU Munich,Computer Science,met at meetup',
      'c-2,Bo,Kim,,,,,,,"Engineer at Foo (2015 - 2019): built things',
      'Intern at Bar (2014)",,,,',
      '',
      'c-3,Cy,Ng,,Designer,,,,,,,,,',
    ]);
    const { candidates, problems, end } = await collect(path);
    expect(problems).toEqual([]);
    expect(candidates.map(({ line, customId }) => [line, customId])).toEqual([
      [2, 'c-1'],
      [3, 'c-2'],
      [6, 'c-3'],
    ]);
    const ann = candidates[0]!.profile;
    expect(ann).toMatchObject({
      name: 'Ann Lee',
      currentTitle: 'Data Engineer',
      currentCompany: 'Acme',
      location: 'Berlin, Germany',
      skills: ['Python', 'SQL', 'Spark'],
      experience: [{ title: 'Data Engineer', company: 'Acme', start: '2019-03', end: null, description: null }],
      education: [{ degree: 'MSc', school: 'TU Munich', field: 'Computer Science', start: null, end: null }],
      extra: { email: 'ann@example.com', Notes: 'met at meetup' },
    });
    expect(candidates[1]!.profile.experience).toEqual([
      { title: 'Engineer', company: 'Foo', start: '2015', end: '2019', description: 'built things' },
      { title: 'Intern', company: 'Bar', start: '2014', end: '2014', description: null },
    ]);
    expect(candidates[1]!.profile.currentTitle).toBeNull();
    expect(end).toMatchObject({ format: 'candidates-csv', records: 3, lines: 6 });
  });

  it('takes the analyst’s confirmed mapping, ignoring and keeping columns as told', async () => {
    const path = fileWith(tempDir(), 'custom.csv', ['ref;who;role;secret;misc', 'r1;Dee Ray;Nurse;x;y']);
    const mapping: CsvMapping = { columns: { ref: 'id', who: 'name', role: 'headline', secret: 'ignore' } };
    const { candidates } = await collect(path, { csvMapping: mapping });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.profile).toMatchObject({ sourceId: 'r1', name: 'Dee Ray', headline: 'Nurse', currentTitle: null, extra: { misc: 'y' } });
    expect(candidates[0]!.profile.extra).not.toHaveProperty('secret');
  });

  it('warns about rows with the wrong number of fields and reads them anyway', async () => {
    const path = fileWith(tempDir(), 'ragged.csv', ['id,name,title', '1,Ann', '2,Bo,Chef,extra-cell']);
    const { candidates, problems } = await collect(path);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['1', '2']);
    expect(problems).toMatchObject([
      { line: 2, code: 'column-count', severity: 'warning' },
      { line: 3, code: 'column-count', severity: 'warning' },
    ]);
    expect(candidates[1]!.profile.extra).toEqual({ column_4: 'extra-cell' });
  });

  it('reports a quote that never closes at the row that opens it', async () => {
    const path = fileWith(tempDir(), 'unclosed.csv', ['id,name,title', '1,Ann,Chef', '2,"Bo,Cook', '3,Cy,Baker']);
    const { candidates, problems } = await collect(path);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['1']);
    expect(problems).toMatchObject([{ line: 3, code: 'malformed-csv' }]);
    expect(problems[0]!.message).toContain('never closed');
  });

  it('reads a JSON list held in a history cell, and names the column of one nested too deep', async () => {
    const history = JSON.stringify([{ title: 'Chef', companyName: 'Bistro', startDate: { year: 2020, month: 5 } }]).replace(/"/g, '""');
    const path = fileWith(tempDir(), 'json-cells.csv', ['id,name,experience', `1,Ann,"${history}"`, `2,Bo,${'['.repeat(500)}${']'.repeat(500)}`, '3,Cy,']);
    const { candidates, problems } = await collect(path);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['1', '3']);
    expect(candidates[0]!.profile.experience).toEqual([{ title: 'Chef', company: 'Bistro', start: '2020-05', end: null, description: null }]);
    expect(problems).toMatchObject([{ line: 3, field: 'experience', code: 'too-deep' }]);
  });

  it('previews the header and first rows for the mapping dialog', async () => {
    const path = fileWith(tempDir(), 'preview.tsv', ['id\tname\tname', '1\tAnn\tA.', '2\tBo\tB.', '3\tCy\tC.']);
    const preview = await readCsvHeaders(path, { sampleRows: 2 });
    expect(preview).toEqual({ ok: true, headers: ['id', 'name', 'name (2)'], delimiter: '\t', sample: [['1', 'Ann', 'A.'], ['2', 'Bo', 'B.']] });
  });

  it('reads a UTF-8 BOM and CRLF line ends as Excel writes them', async () => {
    const path = fileWith(tempDir(), 'excel.csv', '\uFEFFName,Title\r\n"Lee, Ann","Chef\r\nand baker"\r\nBo Kim,Cook\r\n');
    const { candidates, problems } = await collect(path);
    expect(problems).toEqual([]);
    expect(candidates.map(({ line, profile }) => [line, profile.name, profile.currentTitle])).toEqual([
      [2, 'Lee, Ann', 'Chef\r\nand baker'],
      [4, 'Bo Kim', 'Cook'],
    ]);
  });
});
