/**
 * Where the CreditKit widget goes on the merchant's billing page. For now a placeholder; the
 * widget's integration replaces the section's content with <TopUpWidget>.
 */
export function DashboardWidget() {
  return (
    <section className="card widget-slot" aria-labelledby="credits-heading" data-creditkit-slot="">
      <h2 id="credits-heading">Credits</h2>
      <p>The CreditKit top-up widget appears here.</p>
    </section>
  );
}
