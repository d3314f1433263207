import { SearchBox } from '../../components/SearchBox';
import { formatDay, personLabel } from './format';
import { loadPeople, openPerson, searchPeople, useSkills, type PersonRow } from './store';

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

  let content;
  if (people === null) {
    content =
      error === null ? (
        <p className="muted">Reading the people…</p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>The people could not be read: {error}</p>
          <button type="button" className="button" onClick={() => void loadPeople()}>
            Try again
          </button>
        </div>
      );
  } else if (people.length === 0) {
    content = (
      <div className="empty-state">
        <p className="empty-state__headline">{search.trim() === '' ? 'No one assessed yet' : 'No one matches'}</p>
        <p className="muted">{search.trim() === '' ? 'Assess a finished exit interview or a transcript under “Assess”.' : 'Try another name or id.'}</p>
      </div>
    );
  } else {
    content = (
      <ul className="interview-list" aria-label="People, most recently assessed first">
        {people.map((person) => (
          <PersonItem key={person.id} person={person} selected={person.id === personId} />
        ))}
      </ul>
    );
  }

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
