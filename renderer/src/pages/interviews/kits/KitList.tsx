import type { KitSummary } from '../../../../../main/interviews/kits/schema';
import { SearchBox } from '../../../components/SearchBox';
import { countsText, dayText } from './format';
import { KitSettings } from './KitSettings';
import { KitStatusBadge } from './KitBadges';
import { loadKits, openNewKit, searchKits, selectKit, useKits } from './store';
import { LoadedList } from '../../../components/LoadedList';

function KitRow({ kit, selected }: { kit: KitSummary; selected: boolean }) {
  return (
    <li data-testid="kit-row" data-id={kit.id} data-status={kit.status}>
      <button type="button" className="interview-row" aria-current={selected || undefined} onClick={() => selectKit(kit.id)}>
        <span className="interview-row__head">
          <span className="interview-row__name">{kit.title}</span>
          <KitStatusBadge kit={kit} />
        </span>
        <span className="interview-row__place">{countsText(kit)}</span>
        <span className="interview-row__facts">
          <span>{kit.language}</span>
          <span>kept until {dayText(kit.expiresAt)}</span>
        </span>
      </button>
    </li>
  );
}

/** Every kit, most recently changed first, searched in title, file names and id; the kit settings beneath. */
export function KitList() {
  const list = useKits((state) => state.list);
  const listError = useKits((state) => state.listError);
  const search = useKits((state) => state.search);
  const selectedId = useKits((state) => state.selectedId);
  const pane = useKits((state) => state.pane);
  const searching = search.trim() !== '';

  const content = (
    <LoadedList
      items={list?.items ?? null}
      error={listError}
      noun="the kits"
      onRetry={() => void loadKits()}
      empty={searching ? { headline: 'No kit matches', hint: 'Try other words: titles, file names and ids are searched.' } : { headline: 'No interview kits yet', hint: 'Make one from a CV and a job description with “New kit”.' }}
      label="Interview kits, most recently changed first"
      renderItem={(kit) => <KitRow key={kit.id} kit={kit} selected={pane === 'kit' && kit.id === selectedId} />}
    />
  );

  return (
    <section className="card interview-list-card" aria-labelledby="kits-list-title" data-testid="kits-list" data-total={list?.total ?? ''}>
      <div className="card__head">
        <h2 id="kits-list-title" className="card__title">
          Interview kits
        </h2>
        <button type="button" className="button button--small button--primary" data-testid="kit-new-button" aria-pressed={pane === 'new'} onClick={openNewKit}>
          New kit
        </button>
      </div>
      <div className="interview-list__tools">
        <SearchBox value={search} onChange={(value) => searchKits(value)} placeholder="Title, file name, id…" testId="kits-search" />
      </div>
      {content}
      {list !== null && listError !== null && <p className="inline-error">Could not refresh: {listError}</p>}
      <KitSettings />
    </section>
  );
}
