import { PageHeader } from './PageHeader';

interface ComingSoonProps {
  title: string;
  lead: string;
  /** What the finished page will let the analyst do, one line each. */
  plans: readonly string[];
}

/** A page whose feature is not built yet: what it will do, and plainly that it does not yet. */
export function ComingSoon({ title, lead, plans }: ComingSoonProps) {
  return (
    <div className="page">
      <PageHeader title={title} lead={lead} />
      <section className="card" aria-labelledby="plans-title">
        <h2 id="plans-title" className="card__title">What this page will do</h2>
        <ul className="plan-list">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
        <p className="not-built" data-testid="not-built">
          Coming in a later release: this page is not built yet.
        </p>
      </section>
    </div>
  );
}
