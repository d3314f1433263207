import { SearchBox } from '../../components/SearchBox';
import { formatDay, personLabel } from './format';
import { loadPeople, openPerson, searchPeople, useSkills, type PersonRow } from './store';
import { LoadedList } from '../../components/LoadedList';

function PersonItem({ person, selected }: { person: PersonRow; selected: boolean }) {
  return (
    <li data-testid="skills-person-row" data-id={person.id}>
      <button type="button" className="interview-row" aria-current={selected || undefined} onClick={() => void openPerson(person.id)}>
        <span className="interview-row__head">
          <span className="interview-row__name">{personLabel(person)}</span>
        </span>
        {person.name !== null && <span className="interview-row__place">{person.id}</span>}
        <span className="interview-row__facts">
          <span>{person.assessments === 1 ? '1 assessment' : `${person.assessments} assessments`}</span>
          <span>last {formatDay(person.lastTakenAt)}</span>
        </span>
      </button>
    </li>
  );
}

/** People with assessments, most recently assessed first, searched in id and name. */
export function PeopleList() {
  const people = useSkills((state) => state.people);
  const error = useSkills((state) => state.peopleError);
  const search = useSkills((state) => state.search);
  const personId = useSkills((state) => state.personId);

  const content = (
    <LoadedList
      items={people}
      error={error}
      noun="the people"
      onRetry={() => void loadPeople()}
      empty={search.trim() === '' ? { headline: 'No one assessed yet', hint: 'Assess a finished exit interview or a transcript under “Assess”.' } : { headline: 'No one matches', hint: 'Try another name or id.' }}
      label="People, most recently assessed first"
      renderItem={(person) => <PersonItem key={person.id} person={person} selected={person.id === personId} />}
    />
  );

  return (
    <section className="card interview-list-card" aria-labelledby="skills-people-title" data-testid="skills-people" data-total={people?.length ?? ''}>
      <h2 id="skills-people-title" className="card__title">
        People
      </h2>
      <div className="interview-list__tools">
        <SearchBox value={search} onChange={(value) => searchPeople(value)} placeholder="Name or id…" testId="skills-people-search" />
      </div>
      {content}
    </section>
  );
}
