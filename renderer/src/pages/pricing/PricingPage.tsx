import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { PricingForm } from './PricingForm';
import { PricingHistory } from './PricingHistory';
import { PricingResultView } from './PricingResultView';
import { PricingSources } from './PricingSources';
import { startPricingFeed, usePricing } from './store';

export function PricingPage() {
  const result = usePricing((state) => state.result);
  const origin = usePricing((state) => state.origin);
  const busy = usePricing((state) => state.busy);
  useEffect(() => startPricingFeed(), []);
  return (
    <div className="page page--wide" data-testid="pricing-page" aria-busy={busy !== null || undefined}>
      <PageHeader title="Pricing" lead="Price a job against benchmark wages, offline: matched jobs, the P10–P90 range, scenarios, a confidence you can judge and a plain explanation." />
      <PricingForm />
      {result !== null && origin !== null && <PricingResultView result={result} origin={origin} />}
      <PricingHistory />
      <PricingSources />
    </div>
  );
}
