import { describe, expect, it } from 'vitest';
import { heuristicGaps } from '../../../../main/interviews/kits/gaps/heuristic';
import { gapsFromJudgements, verifiedRequirements } from '../../../../main/interviews/kits/gaps/model';
import { unitsOf } from '../../../../main/interviews/kits/gaps/units';
import { verifiedQuote } from '../../../../main/interviews/kits/gaps/verify';
import { dataEngineerCv, seniorDataEngineerJd } from './fixtures';

const gaps = heuristicGaps(dataEngineerCv, seniorDataEngineerJd);
const gapFor = (skill: string) => gaps.find((gap) => gap.skill.includes(skill));

describe('the heuristic gaps of a data engineer CV against a senior data engineer job', () => {
  it('finds Kafka, which the CV never mentions, as a critical gap with no evidence', () => {
    expect(gapFor('Kafka')).toMatchObject({ skill: 'Apache Kafka', priority: 'critical', evidence: 'none', evidenceQuote: null });
    expect(gapFor('Kafka')?.requirementQuote).toBe('Production experience with Apache Kafka for event streaming is required.');
  });

  it('does not count what the CV shows in real work as a gap: Python, SQL, Spark, dbt', () => {
    for (const skill of ['Python', 'SQL', 'Spark', 'dbt']) expect(gapFor(skill)).toBeUndefined();
  });

  it('counts a skill the CV only lists or hedges as weak evidence, quoting the CV', () => {
    expect(gapFor('Airflow')).toMatchObject({ priority: 'critical', evidence: 'weak' });
    expect(gapFor('Airflow')?.evidenceQuote).toMatch(/Airflow/);
    // An online course is not production experience of AWS.
    expect(gapFor('AWS')).toMatchObject({ priority: 'critical', evidence: 'weak', evidenceQuote: 'AWS Cloud Practitioner (online course, 2023)' });
  });

  it('reads nice-to-haves from their section and cues, and ignores what the company offers', () => {
    for (const skill of ['Terraform', 'Kubernetes', 'Data quality']) expect(gapFor(skill)?.priority).toBe('nice-to-have');
    expect(gapFor('Mentoring')?.priority).toBe('important');
    // Docker appears only under "What we offer".
    expect(gapFor('Docker')).toBeUndefined();
    expect(gaps.map((gap) => gap.priority)).toEqual([...gaps.map((gap) => gap.priority)].sort((a, b) => ['critical', 'important', 'nice-to-have'].indexOf(a) - ['critical', 'important', 'nice-to-have'].indexOf(b)));
  });

  it('quotes both documents word for word in every rationale', () => {
    for (const gap of gaps) {
      expect(seniorDataEngineerJd).toContain(gap.requirementQuote);
      expect(gap.rationale).toContain(gap.requirementQuote);
      if (gap.evidenceQuote !== null) {
        expect(dataEngineerCv).toContain(gap.evidenceQuote);
        expect(gap.rationale).toContain(gap.evidenceQuote);
      }
    }
  });
});

describe('quotes are checked against the documents', () => {
  it('forgives case, quotation marks, dashes, ellipses and spacing, and nothing else', () => {
    const doc = 'Must have hands-on experience\norchestrating workflows with “Apache Airflow”.';
    expect(verifiedQuote('...hands–on experience orchestrating workflows with Apache Airflow', doc)).toBe('hands–on experience orchestrating workflows with Apache Airflow');
    expect(verifiedQuote('experience orchestrating pipelines with Airflow', doc)).toBeNull();
    expect(verifiedQuote('   ', doc)).toBeNull();
    expect(verifiedQuote(null, doc)).toBeNull();
  });

  it('drops the model’s requirements whose quotes are not in the job description, and each skill after its first', () => {
    const kept = verifiedRequirements(
      {
        requirements: [
          { skill: 'Apache Kafka', priority: 'critical', quote: 'Production experience with Apache Kafka for event streaming is required' },
          { skill: 'Flink', priority: 'important', quote: 'Deep experience with Apache Flink' },
          { skill: 'apache kafka', priority: 'nice-to-have', quote: 'Apache Kafka' },
          { skill: 'dbt', priority: 'nice-to-have', quote: 'Experience with dbt for transformations.' },
        ],
      },
      seniorDataEngineerJd,
    );
    expect(kept.map((requirement) => requirement.skill)).toEqual(['Apache Kafka', 'dbt']);
  });

  it('makes gaps of the model’s judgements, trusting a strong claim only when its CV quote is real', () => {
    const requirements = [
      { skill: 'Apache Kafka', priority: 'critical' as const, quote: 'Production experience with Apache Kafka for event streaming is required.' },
      { skill: 'dbt', priority: 'nice-to-have' as const, quote: 'Experience with dbt for transformations.' },
      { skill: 'Spark', priority: 'important' as const, quote: 'Experience with Spark for large-scale processing.' },
      { skill: 'Mentoring', priority: 'important' as const, quote: 'You will mentor junior engineers' },
    ];
    const found = gapsFromJudgements(
      requirements,
      {
        evidence: [
          { requirement: 1, strength: 'strong', quote: 'Ran Kafka clusters for five years', why: 'Claims Kafka.' },
          { requirement: 2, strength: 'strong', quote: 'Introduced dbt models and tests for the finance marts', why: 'Built dbt models.' },
          { requirement: 3, strength: 'weak', quote: 'Developed Spark jobs on Dataproc', why: 'One project.' },
        ],
      },
      dataEngineerCv,
    );
    expect(found.map((gap) => [gap.skill, gap.evidence, gap.evidenceQuote])).toEqual([
      ['Apache Kafka', 'weak', null],
      ['Spark', 'weak', 'Developed Spark jobs on Dataproc'],
      ['Mentoring', 'none', null],
    ]);
  });
});

describe('documents are read line by line under their headings', () => {
  it('keeps labelled lines apart from the section around them', () => {
    const units = unitsOf('Experience\n- Built pipelines in Python.\nTools: Airflow, dbt\n- Led a team of three.\n');
    expect(units.map((unit) => [unit.section, unit.text])).toEqual([
      ['experience', 'Built pipelines in Python.'],
      ['tools', 'Airflow, dbt'],
      ['experience', 'Led a team of three.'],
    ]);
  });
});
