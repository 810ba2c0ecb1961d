/** Options: what Coverage Lens sends, when, and to whom, in plain words. */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy">
      <h2 id="privacy">Your privacy</h2>
      <ul class="privacy-facts">
        <li>Nothing is sent until you click the Coverage Lens icon, or turn on automatic mode for a site.</li>
        <li>
          Only news pages are looked up: sites in the built-in list of news outlets, or pages marked up as
          news articles. Other pages are never sent anywhere.
        </li>
        <li>
          A lookup sends the headline, the page's address without tracking parameters, and its summary. No
          cookies, no referrer, no identifier of you or your browser.
        </li>
        <li>Lookups go only to the coverage service address above, which keeps no record of who asked.</li>
        <li>The same headline is not sent again for 10 minutes: the answer is kept in memory.</li>
      </ul>
    </section>
  );
}
