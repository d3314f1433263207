import { interviewStatuses, type InterviewStatus, type InterviewSummary } from '../../../../main/interviews/schema';
import { SearchBox } from '../../components/SearchBox';
import { StatusBadge } from './StatusBadge';
import { formatTime } from '../../lib/format';
import { answersText, nameOf, placeOf, reasonTitle, statusLooks } from './format';
import { filterList, loadList, openNewForm, searchList, selectInterview, useInterviews } from './store';
import { LoadedList } from '../../components/LoadedList';

function InterviewRow({ interview, selected }: { interview: InterviewSummary; selected: boolean }) {
  const place = placeOf(interview);
  return (
    <li data-testid="interview-row" data-id={interview.id} data-status={interview.status}>
      <button type="button" className="interview-row" aria-current={selected || undefined} onClick={() => selectInterview(interview.id)}>
        <span className="interview-row__head">
          <span className="interview-row__name">{nameOf(interview)}</span>
          <StatusBadge status={interview.status} />
        </span>
        {place !== null && <span className="interview-row__place">{place}</span>}
        <span className="interview-row__facts">
          <span>{answersText(interview.answers)}</span>
          {interview.primaryReason !== null && <span>{reasonTitle(interview.primaryReason)}</span>}
          <span>{formatTime(interview.createdAt)}</span>
        </span>
      </button>
    </li>
  );
}

function StatusFilter() {
  const status = useInterviews((state) => state.status);
  return (
    <div className="results-search">
      <label htmlFor="interviews-status" className="segmented__label">
        Status
      </label>
      <select id="interviews-status" className="input input--compact" data-testid="interviews-status" value={status} onChange={(event) => filterList(event.target.value as InterviewStatus | '')}>
        <option value="">All</option>
        {interviewStatuses.map((value) => (
          <option key={value} value={value}>
            {statusLooks[value].label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every exit interview, newest first, searched in name, id, department, role and manager. */
export function InterviewList() {
  const list = useInterviews((state) => state.list);
  const listError = useInterviews((state) => state.listError);
  const search = useInterviews((state) => state.search);
  const status = useInterviews((state) => state.status);
  const selectedId = useInterviews((state) => state.selectedId);
  const pane = useInterviews((state) => state.pane);
  const filtered = search.trim() !== '' || status !== '';

  const content = (
    <LoadedList
      items={list?.items ?? null}
      error={listError}
      noun="the interviews"
      onRetry={() => void loadList()}
      empty={filtered ? { headline: 'No interview matches', hint: 'Try other words, or show every status.' } : { headline: 'No exit interviews yet', hint: 'Set up the first one with “New exit interview”.' }}
      label="Exit interviews, newest first"
      renderItem={(interview) => <InterviewRow key={interview.id} interview={interview} selected={pane === 'detail' && interview.id === selectedId} />}
    />
  );

  return (
    <section className="card interview-list-card" aria-labelledby="interviews-list-title" data-testid="interviews-list" data-total={list?.total ?? ''}>
      <div className="card__head">
        <h2 id="interviews-list-title" className="card__title">
          Exit interviews
        </h2>
        <button type="button" className="button button--small button--primary" data-testid="interviews-new" aria-pressed={pane === 'new'} onClick={openNewForm}>
          New exit interview
        </button>
      </div>
      <div className="interview-list__tools">
        <SearchBox value={search} onChange={(value) => searchList(value)} placeholder="Name, id, department…" testId="interviews-search" />
        <StatusFilter />
      </div>
      {content}
      {list !== null && listError !== null && <p className="inline-error">Could not refresh: {listError}</p>}
    </section>
  );
}
