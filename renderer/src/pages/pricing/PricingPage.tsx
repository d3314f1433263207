import { ComingSoon } from '../../components/ComingSoon';

export function PricingPage() {
  return (
    <ComingSoon
      title="Pricing"
      lead="Price a job against BLS benchmark wages: give a title, a description and a location, and see where the pay should sit."
      plans={[
        'Matched benchmark jobs, with why each one matches.',
        'The wage range from P10 to P90, scenarios, and a confidence you can judge.',
        'A plain explanation of the price, with a non-AI fallback when the engine is down.',
      ]}
    />
  );
}
